import * as z from 'zod';
import { SeveritySchema } from '../rules/types.js';
import { checkRuleSetting } from './rule-options.js';
import { globProblem, GLOB_LIMITS } from '../engine/include-globs.js';

/** Where a path glob decides: these folders and names hold postmortems. */
export const DEFAULT_INCLUDE = ['**/postmortems/**/*.md', '**/postmortem/**/*.md', '**/incident-reports/**/*.md', '**/incidents/**/*.md', '**/*postmortem*.md', '**/*post-mortem*.md'];

export const RuleLevelSchema = z.union([z.literal('off'), SeveritySchema]);
/** A rule's setting: a level, or a level and the rule's options. */
export const RuleSettingSchema = z.union([RuleLevelSchema, z.tuple([RuleLevelSchema, z.record(z.string(), z.unknown())])]);
export type RuleSetting = z.infer<typeof RuleSettingSchema>;

/**
 * The `postmortem` settings section. The client's package.json contributions
 * mirror this schema and a test keeps the two in sync.
 */
export const SettingsSchema = z.object({
  enable: z.boolean().default(true).describe('Check postmortem Markdown files.'),
  include: z.array(z.string()).default(DEFAULT_INCLUDE).describe('Glob patterns of files that are always treated as postmortems.'),
  detectByContent: z
    .boolean()
    .default(true)
    .describe('Also treat a Markdown file as a postmortem when its headings look like one (several postmortem sections, or "type: postmortem" in front matter).'),
  template: z.string().default('auto').describe('The template documents are checked against: "auto" (the closest), "seed", "google-sre", "pagerduty", "atlassian" or "core" (the essential sections).'),
  rules: z.record(z.string(), RuleSettingSchema).default({}).describe('Per rule id: "off", "hint", "info", "warning" or "error", or [level, options].'),
  validate: z.enum(['onType', 'onSave']).default('onType').describe('When to check: as you type (after a short pause) or when the file is saved.'),
  debounceMs: z.number().int().min(0).max(10_000).default(200).describe('How long typing must pause before a check, in milliseconds.'),
  ticketUrl: z.string().default('').describe('A URL for ticket ids such as ABC-123, with {ticket} where the id goes, e.g. https://jira.example.com/browse/{ticket}. Empty: tickets are not links.'),
  inlayHints: z.boolean().default(true).describe('Show T+ offsets (time since impact start) after timeline times.'),
  newPostmortemFolder: z.string().default('postmortems').describe('Where New Postmortem creates files, relative to the workspace folder.'),
});

export type Settings = z.infer<typeof SettingsSchema>;
export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});

/**
 * Reads settings leniently: a wrong value is reported (naming the setting, e.g.
 * postmortem.rules.missing-section) and replaced by its default, the rest still
 * apply. Rule options and include globs are checked as in config files: a wrong
 * option leaves the rule at its level with its default options, a glob that
 * would backtrack for seconds is left out.
 */
export function parseSettings(raw: unknown): { settings: Settings; problems: string[] } {
  const input = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const problems: string[] = [];
  const settings: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(SettingsSchema.shape)) {
    const result = (schema as z.ZodType).safeParse(input[key]);
    if (result.success) settings[key] = result.data;
    else {
      problems.push(`postmortem.${key}: ${result.error.issues.map((issue) => `${issue.path.length ? issue.path.join('.') + ': ' : ''}${issue.message}`).join('; ')}`);
      settings[key] = (DEFAULT_SETTINGS as Record<string, unknown>)[key];
    }
  }
  const rules: Record<string, RuleSetting> = {};
  for (const [id, setting] of Object.entries(settings['rules'] as Settings['rules'])) {
    const checked = checkRuleSetting(id, setting);
    if (checked.ok) rules[id] = checked.setting;
    else {
      problems.push(`postmortem.rules.${id}: ${checked.message}${checked.setting !== null ? '; the rule runs with its default options' : ''}.`);
      if (checked.setting !== null) rules[id] = checked.setting;
    }
  }
  settings['rules'] = rules;
  const include: string[] = [];
  for (const [index, glob] of (settings['include'] as string[]).entries()) {
    const problem = index >= GLOB_LIMITS.count ? `more than ${GLOB_LIMITS.count} globs` : globProblem(glob);
    if (problem) problems.push(`postmortem.include: ${problem}; it is left out.`);
    else include.push(glob);
  }
  settings['include'] = include;
  return { settings: settings as Settings, problems };
}
