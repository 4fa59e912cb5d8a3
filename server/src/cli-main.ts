import { run } from './cli.js';

// Kept apart from cli.ts so tests can call run() without starting a process.
process.exitCode = run(process.argv.slice(2), (text) => process.stdout.write(text), (text) => process.stderr.write(text));
