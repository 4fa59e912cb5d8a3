// Long documents are parsed in parts (the parser slows down more than
// linearly on some inputs). Cut anywhere the cutter allows, the joined tree
// must equal a whole parse, positions included.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { CORPUS, fixtureFiles } from '../support/fixtures.js';
import { parseInParts, parseMarkdown } from '../../server/src/model/markdown.js';
import { mutate, mutation, postmortemMarkdown } from '../reliability/support/markdown-arbitrary.js';

const SEED = 20_241_124;
const DOCUMENTS = [...fixtureFiles(), ...fixtureFiles(CORPUS)].map((path) => readFileSync(path, 'utf8'));
const SIZES = [1, 5, 40, 300];

/** Null when the parts agree with the whole parse (or the document may not be cut), else why not. */
function disagreement(text: string): string | null {
  const whole = parseMarkdown(text).root;
  for (const every of SIZES) {
    const parts = parseInParts(text, every);
    if (parts && !isDeepStrictEqual(parts, whole)) {
      try {
        assert.deepStrictEqual(parts, whole);
      } catch (error) {
        return `in parts of ${String(every)}: ${error instanceof Error ? error.message.slice(0, 3000) : String(error)}`;
      }
    }
  }
  return null;
}

test('every fixture and corpus document parses in parts exactly as in one piece', () => {
  for (const text of DOCUMENTS) assert.equal(disagreement(text), null);
  assert.ok(DOCUMENTS.some((text) => parseInParts(text, 40) !== null), 'documents were cut');
});

test('generated and mutated postmortem Markdown parses in parts exactly as in one piece', () => {
  fc.assert(
    fc.property(fc.oneof(postmortemMarkdown.map((document) => document.text), fc.tuple(fc.constantFrom(...DOCUMENTS), fc.array(mutation, { minLength: 1, maxLength: 6 })).map(([text, edits]) => mutate(text, edits))), (text) => {
      const problem = disagreement(text);
      if (problem) throw new Error(problem);
    }),
    { seed: SEED, numRuns: 400 },
  );
});

test('what a cut must not split: open fences and HTML comments, link definitions, an unclosed front matter fence', () => {
  const cases = [
    '# T\n\n```\ncode\n\nmore code\n\nparagraph?\n```\n\nafter\n',
    '# T\n\n<!-- a comment\n\nstill the comment\n\n-->\n\nafter\n',
    '# T\n\nSee [the graph][g].\n\nMore text.\n\n[g]: https://example.com\n',
    '---\ntitle: never closed\n\nA paragraph\n- that a list does not interrupt\n\nnext\n- item\n',
    '# T\n\n- item\n\n  continued in the item\n\nout of the list\n\n> quote\n\nafter the quote\n',
  ];
  for (const text of cases) assert.equal(disagreement(text), null, text);
});

test('thousands of separate lists: parts agree with the whole', () => {
  const text = `# Postmortem\n\n## Timeline\n\n${Array.from({ length: 400 }, (_, index) => `- 12:${String(index % 60).padStart(2, '0')} item ${String(index)}\n\nnote ${String(index)}\n`).join('\n')}`;
  assert.ok(parseInParts(text, 500), 'the document was cut');
  assert.deepEqual(parseInParts(text, 500), parseMarkdown(text).root);
});
