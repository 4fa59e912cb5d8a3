import { URI, Utils } from 'vscode-uri';
import type { NewPostmortemParams, NewPostmortemResult, TemplateChoice, TemplatesResult } from '../protocol.js';
import { formatProblem, type LoadedConfig } from '../config/load-config.js';
import { TEMPLATES } from '../templates/registry.js';
import type { Template } from '../templates/template.js';
import { slugify, templateSnippet } from '../templates/render.js';
import { SEVERITIES } from './completion.js';

/**
 * The config that applies to a new file in `folder`: the one the diagnostics
 * use for a document there (the nearest `.postmortemrc` at or above it), found
 * with no document open. The folder need not exist yet.
 */
export async function folderConfig(forDocument: (uri: string) => Promise<LoadedConfig | null>, folder: string | null): Promise<LoadedConfig | null> {
  if (folder === null) return null;
  try {
    // Configs are looked up by a document's folder: a name inside this one stands for the file about to be made.
    return await forDocument(Utils.joinPath(URI.parse(folder), 'new-postmortem.md').toString());
  } catch {
    return null;
  }
}

/** The templates a new postmortem can start from: the team's own (from the config's template files) and the built-in ones; the configured one first. */
export function templateChoices(config: LoadedConfig | null): TemplatesResult {
  const configured = config?.config.template;
  const choice = (template: Template, custom: boolean): TemplateChoice => ({
    id: template.id,
    name: template.name,
    source: template.source,
    custom,
    configured: template.id === configured,
    headings: template.sections.map((section) => section.heading),
  });
  const all = [...(config?.templates ?? []).map((template) => choice(template, true)), ...TEMPLATES.map((template) => choice(template, false))];
  // An id a custom template shares with a built-in one (or another custom one) is offered once: the first, as the config resolves it.
  const seen = new Set<string>();
  const unique = all.filter((template) => !seen.has(template.id) && seen.add(template.id));
  return {
    templates: [...unique.filter((template) => template.configured), ...unique.filter((template) => !template.configured)],
    problems: (config?.problems ?? []).map(formatProblem),
    severities: [...SEVERITIES],
  };
}

/** A new postmortem from one of the folder's templates: its file name (without ".md") and its text as a snippet. */
export function renderNewPostmortem(config: LoadedConfig | null, params: NewPostmortemParams): NewPostmortemResult | null {
  const template = (config?.templates ?? []).find((candidate) => candidate.id === params.template) ?? TEMPLATES.find((candidate) => candidate.id === params.template);
  if (!template) return null;
  return {
    fileStem: `${params.date}-${slugify(params.title)}`,
    snippet: templateSnippet(template, { title: params.title, date: params.date, severity: params.severity }),
  };
}
