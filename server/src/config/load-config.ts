import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve, basename } from 'node:path';
import { parse as parseJsonc, parseTree, findNodeAtLocation, printParseErrorCode, type ParseError, type Node as JsonNode } from 'jsonc-parser';
import { parseDocument, isNode } from 'yaml';
import * as z from 'zod';
import { ConfigSchema, CONFIG_FILE_NAMES, type Config } from './config-schema.js';
import { LineIndex } from '../model/positions.js';
import type { Range } from '../model/schema.js';
import { ruleById } from '../rules/registry.js';
import { TEMPLATE_IDS } from '../templates/registry.js';
import type { Template } from '../templates/template.js';
import { TemplateFileSchema, templateFromFile } from '../templates/template-file.js';

/** One thing wrong with a config file: where (file, path inside it, range) and what. */
export interface ConfigProblem {
  file: string;
  /** The JSON path inside the file, e.g. "rules.timeline-out-of-order". */
  path: string;
  message: string;
  range: Range | null;
}

export interface LoadedConfig {
  /** The merged config (extends applied); wrong parts left out. */
  config: Config;
  /** Templates read from files the config names. */
  templates: Template[];
  /** The files read, nearest first. */
  files: string[];
  problems: ConfigProblem[];
}

/** The nearest config file at or above a folder, or null. */
export function findConfigFile(folder: string, stopAt?: string): string | null {
  let current = resolve(folder);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(current, name);
      try {
        statSync(candidate);
        return candidate;
      } catch {
        // Not here; keep looking.
      }
    }
    const parent = dirname(current);
    if (parent === current || (stopAt !== undefined && current === resolve(stopAt))) return null;
    current = parent;
  }
}

interface ParsedFile {
  value: unknown;
  /** The range of a path inside the file, for problems that point at it. */
  rangeOf(path: ReadonlyArray<string | number>): Range | null;
  problems: ConfigProblem[];
}

function parseJson(file: string, original: string): ParsedFile {
  // Windows editors save a BOM; JSON has none. A space keeps every offset.
  const text = original.startsWith('\uFEFF') ? ` ${original.slice(1)}` : original;
  const lines = new LineIndex(text);
  const errors: ParseError[] = [];
  // Comments are allowed, as in tsconfig.json; anything else that is not JSON is an error.
  const options = { allowTrailingComma: false, disallowComments: false };
  const tree = parseTree(text, errors, options);
  const rangeOfNode = (node: JsonNode | undefined): Range | null => (node ? lines.range(node.offset, node.offset + node.length) : null);
  return {
    value: errors.length === 0 ? (parseJsonc(text, [], options) as unknown) : undefined,
    rangeOf: (path) => {
      if (!tree) return null;
      // Point at the key of the offending property when there is one, so the squiggle is on the name.
      const node = findNodeAtLocation(tree, [...path]);
      const key = node?.parent?.type === 'property' ? node.parent.children?.[0] : undefined;
      return rangeOfNode(key ?? node);
    },
    problems: errors.map((error) => ({
      file,
      path: '',
      message: `${describeJsonError(printParseErrorCode(error.error))} at line ${lines.positionAt(error.offset).line + 1}, column ${lines.positionAt(error.offset).character + 1}`,
      range: lines.range(error.offset, error.offset + Math.max(1, error.length)),
    })),
  };
}

function describeJsonError(code: string): string {
  const words = code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}`;
}

function parseYamlFile(file: string, text: string): ParsedFile {
  const lines = new LineIndex(text);
  const document = parseDocument(text, { prettyErrors: false });
  return {
    value: document.errors.length === 0 ? (document.toJS() as unknown) : undefined,
    rangeOf: (path) => {
      const node: unknown = document.getIn([...path], true);
      if (isNode(node) && node.range) return lines.range(node.range[0], node.range[1]);
      return null;
    },
    problems: document.errors.map((error) => ({
      file,
      path: '',
      message: error.message.split('\n')[0]!,
      range: lines.range(error.pos[0], Math.max(error.pos[1], error.pos[0] + 1)),
    })),
  };
}

function issuePath(issue: z.core.$ZodIssue): Array<string | number> {
  return issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part));
}

/** The config that extends a file, and where it names it. */
interface ExtendedBy {
  file: string;
  name: string;
  range: Range | null;
}

/** Reads one file and validates it; never throws. */
function readOne(file: string, extendedBy: ExtendedBy | null): { config: Config; problems: ConfigProblem[]; templates: Template[]; extendsRange: Range | null } {
  const templates: Template[] = [];
  const result = readOneConfig(file, templates, extendedBy);
  return { ...result, templates };
}

/** A template named by path: read, validated, and given an id the config then uses. */
function readTemplateFile(configFile: string, name: string, parsed: ParsedFile, problems: ConfigProblem[], templates: Template[]): string | undefined {
  const file = resolve(dirname(configFile), name);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    problems.push({ file: configFile, path: 'template', message: `the template file ${name} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`, range: parsed.rangeOf(['template']) });
    return undefined;
  }
  const inner = /\.ya?ml$/i.test(file) ? parseYamlFile(file, text) : parseJson(file, text);
  if (inner.problems.length > 0) {
    problems.push(...inner.problems.slice(0, 1));
    return undefined;
  }
  const result = TemplateFileSchema.safeParse(inner.value);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const path = issuePath(issue);
    problems.push({ file, path: path.join('.'), message: issue.message, range: inner.rangeOf(path) });
    return undefined;
  }
  try {
    const template = templateFromFile(result.data, `custom-${basename(file).replace(/\.[^.]+$/, '').toLowerCase().replace(/[^a-z0-9-]+/g, '-')}`);
    templates.push(template);
    return template.id;
  } catch (error) {
    // An invalid regular expression in a pattern.
    problems.push({ file, path: 'sections', message: error instanceof Error ? error.message : String(error), range: null });
    return undefined;
  }
}

function readOneConfig(file: string, templates: Template[], extendedBy: ExtendedBy | null): { config: Config; problems: ConfigProblem[]; extendsRange: Range | null } {
  // A file that cannot be opened is reported where it is named: nobody has it open, and it may not exist.
  const unopenable = (message: string): { config: Config; problems: ConfigProblem[]; extendsRange: null } => ({
    config: {},
    problems: [extendedBy ? { file: extendedBy.file, path: 'extends', message: `${extendedBy.name} ${message}`, range: extendedBy.range } : { file, path: '', message, range: null }],
    extendsRange: null,
  });
  let text: string;
  try {
    if (statSync(file).isDirectory()) return unopenable('is a folder, not a config file');
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return unopenable(code === 'ENOENT' ? 'does not exist' : code === 'EACCES' ? 'cannot be read (permission denied)' : `cannot be read (${String(error)})`);
  }
  const parsed = /\.ya?ml$/i.test(file) ? parseYamlFile(file, text) : parseJson(file, text);
  if (parsed.problems.length > 0) return { config: {}, problems: parsed.problems.slice(0, 1), extendsRange: null };
  const value = parsed.value ?? {};
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { config: {}, problems: [{ file, path: '', message: 'must be an object such as { "rules": { … } }', range: parsed.rangeOf([]) }], extendsRange: null };
  }

  const problems: ConfigProblem[] = [];
  const result = ConfigSchema.safeParse(value);
  const config: Config = {};
  const raw = value as Record<string, unknown>;
  if (!result.success) {
    for (const issue of result.error.issues) {
      const path = issuePath(issue);
      const unknownKeys = issue.code === 'unrecognized_keys' ? issue.keys : [];
      if (unknownKeys.length > 0) {
        for (const key of unknownKeys) problems.push({ file, path: [...path, key].join('.'), message: `unknown setting "${key}" (known: extends, template, include, rules)`, range: parsed.rangeOf([...path, key]) });
      } else problems.push({ file, path: path.join('.'), message: issue.message, range: parsed.rangeOf(path) });
    }
  }
  // Keep every part that is valid on its own: one wrong rule must not throw the rest away.
  for (const key of ['extends', 'template', 'include', 'rules'] as const) {
    const part = ConfigSchema.shape[key].safeParse(raw[key]);
    if (part.success && part.data !== undefined) (config as Record<string, unknown>)[key] = part.data;
  }
  if (config.rules === undefined && raw['rules'] !== null && typeof raw['rules'] === 'object') {
    // Salvage the valid rule entries from a rules object with a bad one.
    const rules: NonNullable<Config['rules']> = {};
    for (const [id, setting] of Object.entries(raw['rules'] as Record<string, unknown>)) {
      const entry = ConfigSchema.shape.rules.safeParse({ [id]: setting });
      if (entry.success && entry.data) Object.assign(rules, entry.data);
    }
    config.rules = rules;
  }
  if (config.template !== undefined && config.template !== 'auto' && !TEMPLATE_IDS.includes(config.template)) {
    if (/\.(?:json|ya?ml)$/i.test(config.template)) config.template = readTemplateFile(file, config.template, parsed, problems, templates);
    else {
      problems.push({ file, path: 'template', message: `unknown template "${config.template}" (known: auto, ${TEMPLATE_IDS.join(', ')}, or a path to a template file)`, range: parsed.rangeOf(['template']) });
      config.template = undefined;
    }
  }
  if (config.rules) config.rules = validRules(config.rules, file, parsed, problems);
  return { config, problems, extendsRange: config.extends !== undefined ? parsed.rangeOf(['extends']) : null };
}

/** The rule settings that name real rules with valid options; the rest become problems (a bad options object falls back to the rule's defaults). */
function validRules(rules: NonNullable<Config['rules']>, file: string, parsed: ParsedFile, problems: ConfigProblem[]): NonNullable<Config['rules']> {
  const valid: NonNullable<Config['rules']> = {};
  for (const [id, setting] of Object.entries(rules)) {
    const rule = ruleById(id);
    if (!rule) {
      problems.push({ file, path: `rules.${id}`, message: `unknown rule "${id}"`, range: parsed.rangeOf(['rules', id]) });
      continue;
    }
    if (!Array.isArray(setting)) {
      valid[id] = setting;
      continue;
    }
    if (!rule.options) {
      problems.push({ file, path: `rules.${id}`, message: `rule "${id}" has no options`, range: parsed.rangeOf(['rules', id, 1]) });
      valid[id] = setting[0];
      continue;
    }
    // Unknown option names are mistakes (a typo would silently do nothing), so options are read strictly here.
    const schema = rule.options instanceof z.ZodObject ? rule.options.strict() : rule.options;
    const options = schema.safeParse(setting[1]);
    if (options.success) {
      valid[id] = setting;
      continue;
    }
    const issue = options.error.issues[0]!;
    const optionPath = [...issuePath(issue), ...(issue.code === 'unrecognized_keys' ? issue.keys.slice(0, 1) : [])];
    problems.push({
      file,
      path: ['rules', id, ...optionPath].join('.'),
      message: issue.code === 'unrecognized_keys' ? `unknown option ${issue.keys.map((key) => `"${key}"`).join(', ')} for rule "${id}"` : `option ${optionPath.join('.') || '(options)'} of rule "${id}": ${issue.message}`,
      range: parsed.rangeOf(['rules', id, 1, ...optionPath]) ?? parsed.rangeOf(['rules', id]),
    });
    valid[id] = setting[0];
  }
  return valid;
}

/** Loads a config file and what it extends (child settings win; rules merge by id). Never throws. */
export function loadConfig(file: string): LoadedConfig {
  const files: string[] = [];
  const problems: ConfigProblem[] = [];
  const templates: Template[] = [];
  const chain: Config[] = [];
  let current: string | undefined = resolve(file);
  let extendedBy: ExtendedBy | null = null;
  while (current) {
    if (files.includes(current)) {
      problems.push({ file: files[files.length - 1]!, path: 'extends', message: `extends ${basename(current)}, which extends this file again (a cycle)`, range: extendedBy?.range ?? null });
      break;
    }
    files.push(current);
    const { config, problems: found, templates: read, extendsRange } = readOne(current, extendedBy);
    problems.push(...found);
    templates.push(...read);
    chain.push(config);
    extendedBy = config.extends ? { file: current, name: config.extends, range: extendsRange } : null;
    current = config.extends ? resolve(dirname(current), config.extends) : undefined;
  }
  const merged: Config = {};
  for (const config of chain.reverse()) {
    if (config.template !== undefined) merged.template = config.template;
    if (config.include !== undefined) merged.include = config.include;
    if (config.rules !== undefined) merged.rules = { ...merged.rules, ...config.rules };
  }
  return { config: merged, templates, files, problems };
}

/** "file:line:col: path: message" for terminals and output channels. */
export function formatProblem(problem: ConfigProblem): string {
  const where = problem.range ? `${problem.file}:${problem.range.start.line + 1}:${problem.range.start.character + 1}` : problem.file;
  return `${where}: ${problem.path ? `${problem.path}: ` : ''}${problem.message}`;
}
