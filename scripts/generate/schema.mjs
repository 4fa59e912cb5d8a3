// Writes schemas/postmortemrc.schema.json from the zod schemas (npm run schema).
// The unit tests fail when the committed file differs from what this writes.
import { writeFileSync } from 'node:fs';
import { configJsonSchema } from '../../out/server/src/config/json-schema.js';

const file = new URL('../../schemas/postmortemrc.schema.json', import.meta.url);
writeFileSync(file, `${JSON.stringify(configJsonSchema(), null, 2)}\n`);
console.log(`wrote ${file.pathname}`);
