import { run } from './cli.js';

// Kept apart from cli.ts so tests can call run() without starting a process.
// A reader that stops early (`| head`) closes the pipe: stop writing, quietly.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});
process.exitCode = run(process.argv.slice(2), (text) => process.stdout.write(text), (text) => process.stderr.write(text));
