import { parse as parseYaml } from 'yaml';

// Front matter is nearly always a few `key: plain words` lines. The YAML parser
// costs a tenth of a small document's whole Markdown parse, so such a block is
// read here; anything else (quotes, lists, numbers, comments, colons in values)
// goes to the parser. `test/unit/front-matter.test.ts` checks both agree.
const LINE = /^([A-Za-z][\w-]*(?: [\w-]+)*):(?: +(.*?))? *$/;
// A plain scalar YAML's core schema reads as a string: starts with a letter, and
// holds none of the characters that start a comment, a flow collection or a quote.
const WORDS = /^[A-Za-z][\w ,./()+&@!?%-]*$/;
// Or an ISO date, which the core schema (unlike YAML 1.1) keeps as a string.
const ISO_DATE = /^\d{4}-\d\d-\d\d$/;
const KEYWORD = /^(?:true|True|TRUE|false|False|FALSE|null|Null|NULL)$/;

/** The mapping of a simple block, or undefined when the YAML parser must read it. */
export function simpleFrontMatter(source: string): Record<string, unknown> | undefined {
  if (source === '') return undefined;
  const result: Record<string, unknown> = {};
  for (const line of source.split('\n')) {
    const match = LINE.exec(line);
    if (!match) return undefined;
    const key = match[1]!;
    const value = match[2];
    if (KEYWORD.test(key) || Object.hasOwn(result, key)) return undefined;
    if (value === undefined || value === '') result[key] = null;
    else if ((WORDS.test(value) && !KEYWORD.test(value)) || ISO_DATE.test(value)) result[key] = value;
    else return undefined;
  }
  return result;
}

/** A front-matter block as an object; null when it is not a mapping or not YAML at all. */
export function readFrontMatterText(source: string): Record<string, unknown> | null {
  const simple = simpleFrontMatter(source);
  if (simple) return simple;
  try {
    const value: unknown = parseYaml(source);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    // Broken front matter is reported by its own rule later; the model just lacks it.
    return null;
  }
}
