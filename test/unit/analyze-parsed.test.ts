// The CLI's folder pre-pass parses each file to read its sections and hands
// that parse to analyze as `parsed`, so the file is not parsed twice. The
// analysis must be the one a fresh parse gives, and a parse of another text
// must never be used.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze, createEngineMemos, sectionKindsOf, sectionKindsOfParsed } from '../../server/src/engine/analyze.js';
import { parseMarkdown } from '../../server/src/model/markdown.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const files = [
  ...readdirSync(join(root, 'examples', 'postmortems')).map((name) => join(root, 'examples', 'postmortems', name)),
  ...readdirSync(join(root, 'test', 'corpus')).filter((name) => name.endsWith('.md')).slice(0, 30).map((name) => join(root, 'test', 'corpus', name)),
];

const outcome = (result: ReturnType<typeof analyze>): string => JSON.stringify({ findings: result.findings, model: result.analysis.model, template: result.template.id, reason: result.isPostmortem });

test('an analysis given the parse the section pre-pass made equals one that parses the text itself', () => {
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const parsed = parseMarkdown(text);
    assert.deepEqual(sectionKindsOfParsed(parsed), sectionKindsOf(text), file);
    const fresh = outcome(analyze(text, { path: file, force: true, memos: createEngineMemos() }));
    const reused = analyze(text, { path: file, force: true, parsed, memos: createEngineMemos() });
    assert.equal(reused.analysis.doc, parsed, `${file}: the parse is used, not made again`);
    assert.equal(outcome(reused), fresh, file);
  }
});

test('a parse of another text is ignored: the text given is the one analysed', () => {
  const text = readFileSync(files[0]!, 'utf8');
  const other = parseMarkdown('# Something else entirely\n\nNo sections here.\n');
  const result = analyze(text, { force: true, parsed: other });
  assert.notEqual(result.analysis.doc, other);
  assert.equal(result.analysis.doc.text, text);
  assert.equal(outcome(result), outcome(analyze(text, { force: true })));
});
