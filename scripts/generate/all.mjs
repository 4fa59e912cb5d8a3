// Every generated file that is committed (npm run generate; with --check,
// npm run generate:check, which npm test and test:fast run first).
// Measured reports (docs/BENCHMARKS.md, docs/ACCURACY.md) are not here: they
// depend on the machine or on the git-ignored development set.
import { emit } from './emit.mjs';
import { grammar } from './grammar.mjs';
import { schema } from './schema.mjs';
import { snippets } from './snippets.mjs';

await emit([grammar, schema, snippets]);
