// Writes snippets/postmortem.code-snippets from the templates (npm run snippets).
// The unit tests fail when the committed file differs from what this writes.
import { writeFileSync } from 'node:fs';
import { postmortemSnippets } from '../../out/server/src/templates/snippets.js';

const file = new URL('../../snippets/postmortem.code-snippets', import.meta.url);
writeFileSync(file, `${JSON.stringify(postmortemSnippets(), null, 2)}\n`);
console.log(`wrote ${file.pathname}`);
