import * as z from 'zod';
import { ruleById } from '../rules/registry.js';
import type { RuleSetting } from './settings.js';

export type RuleCheck =
  | { ok: true; setting: RuleSetting }
  /** The setting that applies instead (the level alone: the rule's default options), where the problem is, and what. */
  | { ok: false; setting: RuleSetting | null; path: Array<string | number>; message: string };

function issuePath(issue: z.core.$ZodIssue): Array<string | number> {
  return issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part));
}

/**
 * One rule's setting checked against the rule itself, for config files and
 * editor settings alike: the rule exists, and its options pass its own zod
 * schema, read strictly (a misspelt option would silently do nothing). A
 * wrong option keeps the level and drops the options, so the rule runs with
 * its defaults. `path` is inside the setting: [] the id, [1, …] the options.
 */
export function checkRuleSetting(id: string, setting: RuleSetting): RuleCheck {
  const rule = ruleById(id);
  if (!rule) return { ok: false, setting: null, path: [], message: `unknown rule "${id}"` };
  if (!Array.isArray(setting)) return { ok: true, setting };
  if (!rule.options) return { ok: false, setting: setting[0], path: [1], message: `rule "${id}" has no options` };
  const schema = rule.options instanceof z.ZodObject ? rule.options.strict() : rule.options;
  const options = schema.safeParse(setting[1]);
  if (options.success) return { ok: true, setting };
  const issue = options.error.issues[0]!;
  const optionPath = [...issuePath(issue), ...(issue.code === 'unrecognized_keys' ? issue.keys.slice(0, 1) : [])];
  return {
    ok: false,
    setting: setting[0],
    path: [1, ...optionPath],
    message: issue.code === 'unrecognized_keys' ? `unknown option ${issue.keys.map((key) => `"${key}"`).join(', ')} for rule "${id}"` : `option ${optionPath.join('.') || '(options)'} of rule "${id}": ${issue.message}`,
  };
}
