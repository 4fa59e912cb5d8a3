import { run } from './cli.js';

// Kept apart from cli.ts so tests can call run() without starting a process.
// A reader that stops early (`| head`) closes the pipe: stop writing, quietly.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});
try {
  process.exitCode = run(process.argv.slice(2), (text) => process.stdout.write(text), (text) => process.stderr.write(text));
} catch (error) {
  // A bug, not the user's input: one line saying so (the stack with POSTMORTEM_LINT_DEBUG=1), and exit 2, never 1 ("errors found").
  const detail = error instanceof Error ? (process.env['POSTMORTEM_LINT_DEBUG'] === '1' ? (error.stack ?? error.message) : error.message) : String(error);
  process.stderr.write(`postmortem-lint: internal error: ${detail}\n`);
  process.exitCode = 2;
}
