import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { analyze } from './engine/analyze.js';
import type { Finding } from './rules/types.js';

declare const PACKAGE_VERSION: string | undefined;

const USAGE = `Usage: postmortem-lint [--format text|json] [--print-model] <files or folders…>

Checks incident postmortems written in Markdown.

  --format text   one line per finding: file:line:col severity rule-id message (default)
  --format json   [{file, diagnostics:[{rule, severity, message, range}]}], 0-based positions
  --print-model   print the incident model of each file as JSON instead of findings
  --version, --help

Files named on the command line are always checked; in folders, Markdown files
that look like postmortems are. Exit status: 0 no errors, 1 errors found, 2
usage or read errors.`;

class UsageError extends Error {}

interface Options {
  format: 'text' | 'json';
  printModel: boolean;
  paths: string[];
}

function parseArgs(args: readonly string[]): Options | 'help' | 'version' {
  const options: Options = { format: 'text', printModel: false, paths: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--help' || arg === '-h') return 'help';
    if (arg === '--version') return 'version';
    if (arg === '--print-model') options.printModel = true;
    else if (arg === '--format' || arg.startsWith('--format=')) {
      const value = arg.includes('=') ? arg.slice('--format='.length) : args[++i];
      if (value !== 'text' && value !== 'json') throw new UsageError(`--format takes "text" or "json", not ${value === undefined ? 'nothing' : `"${value}"`}.`);
      options.format = value;
    } else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`Unknown option ${arg}.`);
    else options.paths.push(arg);
  }
  if (options.paths.length === 0) throw new UsageError('Name at least one file or folder.');
  return options;
}

const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.cache', 'out', 'dist']);

function markdownFilesIn(folder: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(folder, entry.name);
    if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name)) files.push(...markdownFilesIn(path));
    else if (entry.isFile() && /\.(?:md|markdown)$/i.test(entry.name)) files.push(path);
  }
  return files;
}

interface FileResult {
  file: string;
  findings: Finding[];
}

export function run(args: readonly string[], out: (text: string) => void, err: (text: string) => void): number {
  let options: ReturnType<typeof parseArgs>;
  try {
    options = parseArgs(args);
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
    out(`${typeof PACKAGE_VERSION === 'string' ? PACKAGE_VERSION : '0.0.0-dev'}\n`);
    return 0;
  }

  let readErrors = 0;
  const targets: Array<{ file: string; force: boolean }> = [];
  for (const path of options.paths) {
    try {
      if (statSync(path).isDirectory()) targets.push(...markdownFilesIn(path).map((file) => ({ file, force: false })));
      else targets.push({ file: path, force: true });
    } catch (error) {
      readErrors++;
      err(`postmortem-lint: cannot read ${path}: ${describe(error)}\n`);
    }
  }

  const results: FileResult[] = [];
  const models: Array<{ file: string; model: unknown }> = [];
  for (const { file, force } of targets) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      readErrors++;
      err(`postmortem-lint: cannot read ${file}: ${describe(error)}\n`);
      continue;
    }
    const result = analyze(text.replace(/^\uFEFF/, ''), { path: resolve(file), force });
    if (!result.isPostmortem && !force) continue;
    const display = relative(process.cwd(), file) || file;
    if (options.printModel) models.push({ file: display, model: result.analysis.model });
    else results.push({ file: display, findings: result.findings });
  }

  if (options.printModel) out(`${JSON.stringify(models.length === 1 && options.paths.length === 1 ? models[0]!.model : models, null, 2)}\n`);
  else if (options.format === 'json') {
    const json = results.map(({ file, findings }) => ({
      file,
      diagnostics: findings.map(({ rule, severity, message, range }) => ({ rule, severity, message, range })),
    }));
    out(`${JSON.stringify(json, null, 2)}\n`);
  } else {
    for (const { file, findings } of results) {
      for (const finding of findings) {
        out(`${file}:${finding.range.start.line + 1}:${finding.range.start.character + 1} ${finding.severity} ${finding.rule} ${finding.message}\n`);
      }
    }
  }

  if (readErrors > 0) return 2;
  return results.some(({ findings }) => findings.some((finding) => finding.severity === 'error')) ? 1 : 0;
}

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'is a folder';
  return error instanceof Error ? error.message : String(error);
}
