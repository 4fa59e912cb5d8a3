// schemas/postmortemrc.schema.json from the zod schemas (npm run schema; --check
// compares and writes nothing). Reads the engine as built by tsc -b.
import { configJsonSchema } from '../../out/server/src/config/json-schema.js';
import { emit, isMain } from './emit.mjs';

export const schema = {
  file: 'schemas/postmortemrc.schema.json',
  command: 'npm run schema',
  generate: () => `${JSON.stringify(configJsonSchema(), null, 2)}\n`,
};

if (isMain(import.meta.url)) await emit([schema]);
