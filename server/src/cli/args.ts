import { MAX_DOCUMENT_BYTES } from '../engine/limits.js';

export type OutputFormat = 'text' | 'json' | 'sarif';

export interface CliOptions {
  format: OutputFormat;
  printModel: boolean;
  fix: boolean;
  quiet: boolean;
  maxWarnings: number | null;
  config: string | null;
  template: string | null;
  paths: string[];
}

export class UsageError extends Error {}

export const USAGE = `Usage: postmortem-lint [options] <files | folders | globs…>

Checks incident postmortems written in Markdown.

Options:
  --format text|json|sarif  text: file:line:col severity rule-id message (default)
                            json: [{file, diagnostics:[{rule, severity, message, range, fix?}]}], 0-based
                            sarif: SARIF 2.1.0, for code-scanning dashboards
  --fix                     apply the safe fixes in place, then report what is left
  --config FILE             use this config file instead of the nearest .postmortemrc.json/.yaml
  --template ID             check against a template: auto, seed, google-sre, pagerduty, atlassian, core
  --quiet                   report errors only
  --max-warnings N          exit 1 when there are more than N warnings
  --print-model             print each file's incident model as JSON instead of findings
  --version, --help

Files named on the command line are always checked (even when the name reads
as a glob); in folders and globs, Markdown files that look like postmortems
are. Only regular files up to ${MAX_DOCUMENT_BYTES / 2 ** 20} MiB are read. Exit status: 0 no errors,
1 errors found (or too many warnings), 2 usage, config or read errors, a file
refused or too large, or a fix not written.`;

function valueOf(args: readonly string[], index: number, name: string): [string, number] {
  const arg = args[index]!;
  if (arg.includes('=')) return [arg.slice(arg.indexOf('=') + 1), index];
  const value = args[index + 1];
  if (value === undefined || value.startsWith('--')) throw new UsageError(`${name} needs a value.`);
  return [value, index + 1];
}

export function parseArgs(args: readonly string[]): CliOptions | 'help' | 'version' {
  const options: CliOptions = { format: 'text', printModel: false, fix: false, quiet: false, maxWarnings: null, config: null, template: null, paths: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const name = arg.split('=')[0]!;
    if (arg === '--help' || arg === '-h') return 'help';
    if (arg === '--version') return 'version';
    if (arg === '--print-model') options.printModel = true;
    else if (arg === '--fix') options.fix = true;
    else if (arg === '--quiet') options.quiet = true;
    else if (name === '--format') {
      const [value, next] = valueOf(args, i, name);
      if (value !== 'text' && value !== 'json' && value !== 'sarif') throw new UsageError(`--format takes "text", "json" or "sarif", not "${value}".`);
      options.format = value;
      i = next;
    } else if (name === '--max-warnings') {
      const [value, next] = valueOf(args, i, name);
      if (!/^\d+$/.test(value)) throw new UsageError(`--max-warnings takes a whole number, not "${value}".`);
      options.maxWarnings = Number(value);
      i = next;
    } else if (name === '--config' || name === '--template') {
      const [value, next] = valueOf(args, i, name);
      if (name === '--config') options.config = value;
      else options.template = value;
      i = next;
    } else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`Unknown option ${arg}.`);
    else options.paths.push(arg);
  }
  if (options.paths.length === 0) throw new UsageError('Name at least one file, folder or glob.');
  return options;
}
