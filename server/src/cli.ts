import { dirname, relative, resolve } from 'node:path';
import { analyze, createEngineMemos, sectionKindsOfParsed } from './engine/analyze.js';
import { parseMarkdown, type ParsedMarkdown } from './model/markdown.js';
import type { SectionKind } from './model/schema.js';
import { fixAll } from './engine/apply-edits.js';
import type { Finding } from './rules/types.js';
import { DEFAULT_SETTINGS } from './config/settings.js';
import { formatProblem, type LoadedConfig } from './config/load-config.js';
import { findConfigFile, loadConfig } from './host/node-files.js';
import { effectiveSettings } from './config/effective-settings.js';
import { TEMPLATE_IDS } from './templates/registry.js';
import { parseArgs, USAGE, UsageError } from './cli/args.js';
import { expandPaths } from './cli/files.js';
import { toSarif, type FileFindings } from './cli/format-sarif.js';
import { writeFileAtomic } from './cli/write-file-atomic.js';
import { decodeFile, decodeForFix, encodeFile } from './cli/text-encoding.js';
import { readTarget } from './cli/read-target.js';
import { printable } from './cli/printable.js';
import { oversize, tooLargeMessage } from './engine/limits.js';

// The characters of pre-read files whose parses are kept for the main loop (about 30 MB of trees).
const PARSED_BUDGET_CHARS = 1_000_000;

/** A file the pre-pass read: its bytes, their decoding and, within the budget, its parse. */
interface FirstRead {
  bytes: Buffer;
  decoded: ReturnType<typeof decodeFile>;
  parsed?: ParsedMarkdown;
}

declare const PACKAGE_VERSION: string | undefined;
const VERSION = typeof PACKAGE_VERSION === 'string' ? PACKAGE_VERSION : '0.0.0-dev';

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'is a folder';
  return error instanceof Error ? error.message : String(error);
}

/** The CLI as a function, so tests can run it without a process. Returns the exit status. */
export function run(args: readonly string[], out: (text: string) => void, err: (text: string) => void): number {
  let options: ReturnType<typeof parseArgs>;
  try {
    options = parseArgs(args);
    if (typeof options === 'object' && options.template !== null && options.template !== 'auto' && !TEMPLATE_IDS.includes(options.template)) {
      throw new UsageError(`--template takes auto, ${TEMPLATE_IDS.join(', ')}; not "${options.template}".`);
    }
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    err(`postmortem-lint: ${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (options === 'help') {
    out(`${USAGE}\n`);
    return 0;
  }
  if (options === 'version') {
    out(`${VERSION}\n`);
    return 0;
  }

  let troubles = 0;
  const reportedConfigs = new Set<string>();
  const configs = new Map<string, LoadedConfig>();
  const configPaths = new Map<string, string | null>();
  const configFor = (file: string): LoadedConfig | null => {
    const folder = dirname(resolve(file));
    // Files in one folder share their config: look it up once per folder.
    let path = options.config ?? configPaths.get(folder);
    if (path === undefined) {
      path = findConfigFile(folder);
      configPaths.set(folder, path);
    }
    if (path === null) return null;
    let loaded = configs.get(path);
    if (loaded === undefined) {
      loaded = loadConfig(path);
      configs.set(path, loaded);
    }
    // Each broken config is reported once, however many files it governs.
    if (!reportedConfigs.has(path)) {
      reportedConfigs.add(path);
      for (const problem of loaded.problems) err(`postmortem-lint: config ${formatProblem({ ...problem, file: relative(process.cwd(), problem.file) || problem.file })} (the defaults apply there)\n`);
      troubles += loaded.problems.length;
    }
    return loaded;
  };

  const targets = expandPaths(options.paths, (path, error) => {
    troubles++;
    err(`postmortem-lint: cannot read ${printable(path)}: ${printable(describe(error))}\n`);
  });

  // The other postmortems linted in each file's folder show the team's own template (see missing-section).
  const kindsByFile = new Map<string, { folder: string; kinds: ReadonlySet<SectionKind> }>();
  // What the pre-pass read and decoded, kept for the main loop (and dropped there), so no file is read or decoded twice.
  const firstReads = new Map<string, FirstRead>();
  // Their parses too, so the main loop does not parse them again (a quarter of a 100-file run), up
  // to a budget: a parse takes about 30 bytes a character, and a folder of thousands must not hold them all.
  let parsedBudget = PARSED_BUDGET_CHARS;
  const perFolder = new Map<string, number>();
  for (const { file } of targets) perFolder.set(dirname(resolve(file)), (perFolder.get(dirname(resolve(file))) ?? 0) + 1);
  for (const { file } of targets) {
    const folder = dirname(resolve(file));
    if ((perFolder.get(folder) ?? 0) < 3) continue;
    try {
      // Read as the main loop reads: regular files only, under the cap (a FIFO or device is refused, never waited on).
      const read = readTarget(file);
      if ('tooLarge' in read) continue;
      const decoded = decodeFile(read.bytes);
      const entry: FirstRead = { bytes: read.bytes, decoded };
      firstReads.set(file, entry);
      const text = decoded.text;
      if (oversize(text) !== null) continue;
      const parsed = parseMarkdown(text);
      if (text.length <= parsedBudget) {
        entry.parsed = parsed;
        parsedBudget -= text.length;
      }
      const kinds = sectionKindsOfParsed(parsed);
      // Only documents shaped like postmortems speak for the team's template.
      if ([...kinds].filter((kind) => kind !== 'other').length >= 2) kindsByFile.set(resolve(file), { folder, kinds });
    } catch {
      // Reported when the file itself is read below.
    }
  }
  const siblingsOf = (path: string): Array<ReadonlySet<SectionKind>> =>
    [...kindsByFile].filter(([other, { folder }]) => other !== path && folder === dirname(path)).map(([, { kinds }]) => kinds);

  const results: FileFindings[] = [];
  const models: unknown[] = [];
  // One engine instance for the run: a line read in one file (or one --fix pass) is not read again in the next.
  const memos = createEngineMemos();
  for (const { file, explicit } of targets) {
    const display = relative(process.cwd(), file) || file;
    let bytes: Buffer;
    const first = firstReads.get(file);
    firstReads.delete(file);
    try {
      const read = first ?? readTarget(file);
      if ('tooLarge' in read) {
        troubles++;
        err(`postmortem-lint: ${printable(tooLargeMessage(display, read.tooLarge))}\n`);
        continue;
      }
      bytes = read.bytes;
    } catch (error) {
      troubles++;
      err(`postmortem-lint: cannot read ${printable(file)}: ${printable(describe(error))}\n`);
      continue;
    }
    // Findings are on the text as editors decode it (UTF-8 unless a BOM says UTF-16 or UTF-32), bytes that do not decode as U+FFFD.
    const decoded = first?.decoded ?? decodeFile(bytes);
    const size = oversize(decoded.text);
    if (size !== null) {
      troubles++;
      err(`postmortem-lint: ${printable(tooLargeMessage(display, size))}\n`);
      continue;
    }
    const config = configFor(file);
    const settings = effectiveSettings(DEFAULT_SETTINGS, config, options.template ? { template: options.template } : {});
    const path = resolve(file);
    const siblingSections = siblingsOf(path);
    const parsed = first?.parsed;
    const lint = (source: string): ReturnType<typeof analyze> => analyze(source, { path, settings, force: explicit, siblingSections, memos, ...(parsed ? { parsed } : {}) });

    let result = lint(decoded.text);
    if (!result.isPostmortem && !explicit) {
      if (result.note) err(`postmortem-lint: ${printable(display)}: ${result.note}\n`);
      continue;
    }
    if (options.fix) {
      // Fixed on a decoding that keeps what does not decode (a Latin-1 "é"), so it is written back as it was.
      const source = decodeForFix(bytes, decoded);
      const fixed = source === null ? null : fixAll(source, (next) => lint(next).findings);
      if (source === null) {
        if (result.findings.some((finding) => finding.fix)) {
          troubles++;
          err(`postmortem-lint: cannot fix ${printable(file)}: its ${decoded.encoding.toUpperCase()} does not decode cleanly (an odd byte or a lone surrogate), so it could not be written back as it was; not changed\n`);
        }
      } else if (fixed && fixed.text !== source) {
        try {
          const content = encodeFile(fixed.text, decoded);
          writeFileAtomic(file, bytes, content);
          result = lint(decodeFile(content).text);
        } catch (error) {
          troubles++;
          err(`postmortem-lint: cannot fix ${printable(file)}: ${printable(describe(error))}\n`);
        }
      }
    }
    if (options.printModel) models.push({ file: display, model: result.analysis.model });
    const findings: Finding[] = options.quiet ? result.findings.filter((finding) => finding.severity === 'error') : result.findings;
    results.push({ file: display, findings });
  }

  if (options.printModel) {
    const single = models.length === 1 && targets.length === 1 && targets[0]!.explicit;
    out(`${JSON.stringify(single ? (models[0] as { model: unknown }).model : models, null, 2)}\n`);
  } else if (options.format === 'json') {
    const json = results.map(({ file, findings }) => ({
      file,
      diagnostics: findings.map(({ rule, severity, message, range, fix }) => ({ rule, severity, message, range, ...(fix ? { fix } : {}) })),
    }));
    out(`${JSON.stringify(json, null, 2)}\n`);
  } else if (options.format === 'sarif') {
    out(`${JSON.stringify(toSarif(results, VERSION), null, 2)}\n`);
  } else {
    for (const { file, findings } of results) {
      for (const finding of findings) {
        out(`${printable(file)}:${finding.range.start.line + 1}:${finding.range.start.character + 1} ${finding.severity} ${finding.rule} ${printable(finding.message)}\n`);
      }
    }
  }

  if (troubles > 0) return 2;
  const all = results.flatMap(({ findings }) => findings);
  if (all.some((finding) => finding.severity === 'error')) return 1;
  const warnings = all.filter((finding) => finding.severity === 'warning').length;
  if (options.maxWarnings !== null && warnings > options.maxWarnings) {
    err(`postmortem-lint: ${warnings} warnings, more than --max-warnings ${options.maxWarnings}\n`);
    return 1;
  }
  return 0;
}
