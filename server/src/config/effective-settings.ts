import type { Config } from './config-schema.js';
import type { Settings } from './settings.js';
import type { Template } from '../templates/template.js';
import type { SectionKind } from '../model/schema.js';

/** Settings as the engine uses them: the editor's or the CLI's, with a config file's on top, and its templates. */
export type EffectiveSettings = Settings & {
  customTemplates?: readonly Template[];
  /** The folder of the config file whose include globs apply: they are relative to it. */
  includeBase?: string;
  /** The section kinds of the other postmortems in the document's folder, when the host read them (the language server; the CLI passes them to analyze). */
  siblingSections?: ReadonlyArray<ReadonlySet<SectionKind>>;
};

/** A config file as loaded (load-config.ts): its settings, its templates, and the folder its include globs are relative to. */
export interface ConfigLayer {
  config: Config;
  templates: readonly Template[];
  includeBase?: string;
}

/**
 * The one merge of settings, for the language server and the CLI alike: the
 * host's settings (the editor's, or the CLI's defaults), the config file above
 * the document on top, then what the host was told for this run alone (the
 * CLI's --template) on top of both.
 */
export function effectiveSettings(base: Settings, config: ConfigLayer | null, run: { template?: string } = {}): EffectiveSettings {
  const merged = config ? withConfig(base, config.config, config.templates, config.includeBase) : base;
  return run.template !== undefined ? { ...merged, template: run.template } : merged;
}

/** Settings with a config file on top: the file is the team's shared truth, so it wins; rules merge by id. Hosts call effectiveSettings. */
export function withConfig(settings: Settings, config: Config, templates: readonly Template[] = [], includeBase?: string): EffectiveSettings {
  return {
    ...settings,
    ...(config.template !== undefined ? { template: config.template } : {}),
    ...(config.include !== undefined ? { include: config.include, ...(includeBase !== undefined ? { includeBase } : {}) } : {}),
    rules: { ...settings.rules, ...config.rules },
    ...(templates.length > 0 ? { customTemplates: templates } : {}),
  };
}
