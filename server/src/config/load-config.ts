import { createScanner, parse as parseJsonc, parseTree, findNodeAtLocation, printParseErrorCode, SyntaxKind, type ParseError, type Node as JsonNode } from 'jsonc-parser';
import { parseDocument, isNode } from 'yaml';
import * as z from 'zod';
import { ConfigSchema, CONFIG_FILE_NAMES, type Config } from './config-schema.js';
import { LineIndex } from '../model/positions.js';
import type { Range } from '../model/schema.js';
import { checkRuleSetting } from './rule-options.js';
import { TEMPLATE_IDS } from '../templates/registry.js';
import type { Template } from '../templates/template.js';
import { TemplateFileSchema, templateFromFile } from '../templates/template-file.js';
import { existsStep, readStep, type FilePaths, type Steps } from './workspace-files.js';
import { globProblem, GLOB_LIMITS } from '../engine/include-globs.js';
import { userPatternProblem } from '../templates/user-pattern.js';

/** Real configs nest four levels; this is far more, and far less than a parser's stack holds. */
export const MAX_CONFIG_DEPTH = 64;
/** An alias bomb expands nine aliases nine times over; real configs use a handful. */
const MAX_YAML_ALIASES = 100;

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
  /** The folder of the file whose include globs apply: relative globs are relative to it. */
  includeBase?: string;
}

/** The nearest config file at or above a folder, or null (run with runSync or runAsync from workspace-files). */
export function* findConfigFileSteps(paths: FilePaths, folder: string, stopAt?: string): Steps<string | null> {
  let current = paths.resolve(folder, '.');
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = paths.join(current, name);
      if (yield* existsStep(candidate)) return candidate;
    }
    const parent = paths.dirname(current);
    if (parent === current || (stopAt !== undefined && current === paths.resolve(stopAt, '.'))) return null;
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
  const deepAt = jsonDepthExceeded(text);
  if (deepAt !== null) return tooDeep(file, lines, deepAt);
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

/** The offset where brackets first nest deeper than MAX_CONFIG_DEPTH, or null; a scan, so no stack to overflow. */
function jsonDepthExceeded(text: string): number | null {
  const scanner = createScanner(text, true);
  let depth = 0;
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    if (token === SyntaxKind.OpenBraceToken || token === SyntaxKind.OpenBracketToken) {
      if (++depth > MAX_CONFIG_DEPTH) return scanner.getTokenOffset();
    } else if (token === SyntaxKind.CloseBraceToken || token === SyntaxKind.CloseBracketToken) depth = Math.max(0, depth - 1);
  }
  return null;
}

function tooDeep(file: string, lines: LineIndex, offset: number): ParsedFile {
  return {
    value: undefined,
    rangeOf: () => null,
    problems: [{ file, path: '', message: `nested too deeply (more than ${MAX_CONFIG_DEPTH} levels) at line ${lines.positionAt(offset).line + 1}`, range: lines.range(offset, offset + 1) }],
  };
}

/** How deep a parsed value nests, counted without recursion, stopping past the limit. */
function valueDepthExceeded(value: unknown): boolean {
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  const seen = new Set<unknown>();
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop()!;
    if (current === null || typeof current !== 'object' || seen.has(current)) continue;
    if (depth >= MAX_CONFIG_DEPTH) return true;
    seen.add(current);
    for (const child of Object.values(current as Record<string, unknown>)) stack.push({ value: child, depth: depth + 1 });
  }
  return false;
}

/** The offset where YAML flow brackets first nest deeper than the limit (quoted text skipped), or null: the parser recurses on them. */
function yamlFlowDepthExceeded(text: string): number | null {
  let depth = 0;
  let quote: string | null = null;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (quote) {
      if (char === quote) quote = null;
      else if (char === '\\' && quote === '"') index++;
      continue;
    }
    if ((char === '"' || char === "'") && /(?:^|[\n:,[{-])[ \t]*$/.test(text.slice(Math.max(0, index - 16), index))) quote = char;
    else if (char === '#' && (index === 0 || /\s/.test(text[index - 1]!))) {
      const end = text.indexOf('\n', index);
      index = end === -1 ? text.length : end;
    } else if (char === '[' || char === '{') {
      if (++depth > MAX_CONFIG_DEPTH) return index;
    } else if (char === ']' || char === '}') depth = Math.max(0, depth - 1);
  }
  return null;
}

function describeJsonError(code: string): string {
  const words = code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}`;
}

function parseYamlFile(file: string, text: string): ParsedFile {
  const lines = new LineIndex(text);
  const deepAt = yamlFlowDepthExceeded(text);
  if (deepAt !== null) return tooDeep(file, lines, deepAt);
  const document = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const problems: ConfigProblem[] = document.errors.map((error) => ({
    file,
    path: '',
    message: error.message.split('\n')[0]!,
    range: lines.range(error.pos[0], Math.max(error.pos[1], error.pos[0] + 1)),
  }));
  let value: unknown;
  if (problems.length === 0) {
    try {
      // Aliases are expanded here: an alias with no anchor throws, and an alias bomb is stopped at the count.
      value = document.toJS({ maxAliasCount: MAX_YAML_ALIASES });
      if (valueDepthExceeded(value)) problems.push({ file, path: '', message: `nested too deeply (more than ${MAX_CONFIG_DEPTH} levels)`, range: null });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      problems.push({
        file,
        path: '',
        message: /resource exhaustion/i.test(message) ? `aliases expand to too much (more than ${MAX_YAML_ALIASES} alias uses): refused as an alias bomb` : message.split('\n')[0]!,
        range: null,
      });
      value = undefined;
    }
  }
  return {
    value,
    rangeOf: (path) => {
      const node: unknown = document.getIn([...path], true);
      if (isNode(node) && node.range) return lines.range(node.range[0], node.range[1]);
      return null;
    },
    problems,
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
interface ReadOne {
  config: Config;
  problems: ConfigProblem[];
  templates: Template[];
  extendsRange: Range | null;
}

function* readOne(paths: FilePaths, file: string, extendedBy: ExtendedBy | null): Steps<ReadOne> {
  const templates: Template[] = [];
  try {
    const result = yield* readOneConfig(paths, file, templates, extendedBy);
    return { ...result, templates };
  } catch (error) {
    // Every parse and conversion is guarded on its own; this is the boundary for what was not foreseen.
    const message = error instanceof RangeError ? 'is nested too deeply or too large to read' : `could not be read (${error instanceof Error ? error.message : String(error)})`;
    return { config: {}, problems: [extendedBy ? { file: extendedBy.file, path: 'extends', message: `${extendedBy.name} ${message}`, range: extendedBy.range } : { file, path: '', message, range: null }], templates: [], extendsRange: null };
  }
}

/** A template named by path: read, validated, and given an id the config then uses. */
function* readTemplateFile(paths: FilePaths, configFile: string, name: string, parsed: ParsedFile, problems: ConfigProblem[], templates: Template[]): Steps<string | undefined> {
  const file = paths.resolve(paths.dirname(configFile), name);
  const read = yield* readStep(file);
  if (!read.ok) {
    problems.push({ file: configFile, path: 'template', message: `the template file ${name} ${read.reason}`, range: parsed.rangeOf(['template']) });
    return undefined;
  }
  const text = read.text;
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
  // Patterns run in a linear-time engine; one it cannot run (a back-reference, a look-around) is refused by name.
  for (const [index, section] of result.data.sections.entries()) {
    const problem = section.pattern === undefined ? null : userPatternProblem(section.pattern);
    if (problem) {
      problems.push({ file, path: `sections.${index}.pattern`, message: problem, range: inner.rangeOf(['sections', index, 'pattern']) });
      return undefined;
    }
  }
  try {
    const template = templateFromFile(result.data, `custom-${paths.basename(file).replace(/\.[^.]+$/, '').toLowerCase().replace(/[^a-z0-9-]+/g, '-')}`);
    templates.push(template);
    return template.id;
  } catch (error) {
    // An invalid regular expression in a pattern.
    problems.push({ file, path: 'sections', message: error instanceof Error ? error.message : String(error), range: null });
    return undefined;
  }
}

function* readOneConfig(paths: FilePaths, file: string, templates: Template[], extendedBy: ExtendedBy | null): Steps<{ config: Config; problems: ConfigProblem[]; extendsRange: Range | null }> {
  // A file that cannot be opened is reported where it is named: nobody has it open, and it may not exist.
  const unopenable = (message: string): { config: Config; problems: ConfigProblem[]; extendsRange: null } => ({
    config: {},
    problems: [extendedBy ? { file: extendedBy.file, path: 'extends', message: `${extendedBy.name} ${message}`, range: extendedBy.range } : { file, path: '', message, range: null }],
    extendsRange: null,
  });
  // Only a regular file, at most 1 MB: a link to /dev/zero or /dev/stdin, or a FIFO, would hang or fill memory.
  const read = yield* readStep(file);
  if (!read.ok) return unopenable(read.reason === 'is a folder, not a file' ? 'is a folder, not a config file' : read.reason);
  const text = read.text;
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
    if (/\.(?:json|ya?ml)$/i.test(config.template)) config.template = yield* readTemplateFile(paths, file, config.template, parsed, problems, templates);
    else {
      problems.push({ file, path: 'template', message: `unknown template "${config.template}" (known: auto, ${TEMPLATE_IDS.join(', ')}, or a path to a template file)`, range: parsed.rangeOf(['template']) });
      config.template = undefined;
    }
  }
  if (config.rules) config.rules = validRules(config.rules, file, parsed, problems);
  if (config.include) {
    // A glob that would take seconds per file name is refused here, by name, and never run.
    const kept: string[] = [];
    for (const [index, glob] of config.include.entries()) {
      const problem = index >= GLOB_LIMITS.count ? `more than ${GLOB_LIMITS.count} include globs` : globProblem(glob);
      if (problem) problems.push({ file, path: `include.${index}`, message: problem, range: parsed.rangeOf(['include', index]) });
      else kept.push(glob);
    }
    config.include = kept;
  }
  return { config, problems, extendsRange: config.extends !== undefined ? parsed.rangeOf(['extends']) : null };
}

/** The rule settings that name real rules with valid options; the rest become problems (a bad options object falls back to the rule's defaults). */
function validRules(rules: NonNullable<Config['rules']>, file: string, parsed: ParsedFile, problems: ConfigProblem[]): NonNullable<Config['rules']> {
  const valid: NonNullable<Config['rules']> = {};
  for (const [id, setting] of Object.entries(rules)) {
    const checked = checkRuleSetting(id, setting);
    if (checked.ok) {
      valid[id] = checked.setting;
      continue;
    }
    const inner = ['rules', id, ...checked.path];
    problems.push({
      file,
      path: checked.path.length === 0 ? `rules.${id}` : ['rules', id, ...checked.path.slice(1)].join('.'),
      message: checked.message,
      range: parsed.rangeOf(inner) ?? parsed.rangeOf(['rules', id]),
    });
    if (checked.setting !== null) valid[id] = checked.setting;
  }
  return valid;
}

/** Loads a config file and what it extends (child settings win; rules merge by id). Never throws. Run with runSync or runAsync. */
export function* loadConfigSteps(paths: FilePaths, file: string): Steps<LoadedConfig> {
  const files: string[] = [];
  const problems: ConfigProblem[] = [];
  const templates: Template[] = [];
  const chain: Config[] = [];
  let current: string | undefined = paths.resolve(file, '.');
  let extendedBy: ExtendedBy | null = null;
  while (current) {
    if (files.includes(current)) {
      problems.push({ file: files[files.length - 1]!, path: 'extends', message: `extends ${paths.basename(current)}, which extends this file again (a cycle)`, range: extendedBy?.range ?? null });
      break;
    }
    files.push(current);
    const one: ReadOne = yield* readOne(paths, current, extendedBy);
    const { config, problems: found, templates: read, extendsRange } = one;
    problems.push(...found);
    templates.push(...read);
    chain.push(config);
    extendedBy = config.extends ? { file: current, name: config.extends, range: extendsRange } : null;
    current = config.extends ? paths.resolve(paths.dirname(current), config.extends) : undefined;
  }
  const merged: Config = {};
  let includeBase: string | undefined;
  const folders = files.map((read) => paths.dirname(read)).reverse();
  for (const [index, config] of chain.reverse().entries()) {
    if (config.template !== undefined) merged.template = config.template;
    if (config.include !== undefined) {
      merged.include = config.include;
      includeBase = folders[index];
    }
    if (config.rules !== undefined) merged.rules = { ...merged.rules, ...config.rules };
  }
  return { config: merged, templates, files, problems, ...(includeBase !== undefined ? { includeBase } : {}) };
}

/** "file:line:col: path: message" for terminals and output channels. */
export function formatProblem(problem: ConfigProblem): string {
  const where = problem.range ? `${problem.file}:${problem.range.start.line + 1}:${problem.range.start.character + 1}` : problem.file;
  return `${where}: ${problem.path ? `${problem.path}: ` : ''}${problem.message}`;
}
