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

/** Editor settings with a config file on top: the file is the team's shared truth, so it wins; rules merge by id. */
export function withConfig(settings: Settings, config: Config, templates: readonly Template[] = [], includeBase?: string): EffectiveSettings {
  return {
    ...settings,
    ...(config.template !== undefined ? { template: config.template } : {}),
    ...(config.include !== undefined ? { include: config.include, ...(includeBase !== undefined ? { includeBase } : {}) } : {}),
    rules: { ...settings.rules, ...config.rules },
    ...(templates.length > 0 ? { customTemplates: templates } : {}),
  };
}
