// Incremental analysis (re-parse only the blocks or list items an edit
// touches, keep the rest of the tree) must equal a full analysis of the same
// text after any sequence of edits: the same Markdown tree, positions
// included, the same incident model and the same findings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { CORPUS, fixtureFiles, readFixture } from '../support/fixtures.js';
import { analyze, type Analysis } from '../../server/src/engine/analyze.js';
import { parseMarkdown } from '../../server/src/model/markdown.js';
import { reparse } from '../../server/src/model/incremental-parse.js';
import { mutate, mutation, postmortemMarkdown, type Mutation } from '../reliability/support/markdown-arbitrary.js';

const SEED = 20_241_124;
const DOCUMENTS = [...fixtureFiles(), ...fixtureFiles(CORPUS)].map((path) => readFileSync(path, 'utf8'));

/** What a full analysis and an incremental one must agree on. */
const comparable = (result: Analysis): unknown => ({
  root: result.analysis.doc.root,
  degraded: result.analysis.doc.degraded,
  frontMatter: result.analysis.doc.frontMatter,
  model: result.analysis.model,
  findings: result.findings,
  template: result.template.id,
  isPostmortem: result.isPostmortem,
});

/** Applies the edits one at a time, each analysed from the previous version's analysis; returns the first version that disagrees with a full analysis. */
function firstDisagreement(text: string, edits: readonly Mutation[]): string | null {
  let previous = analyze(text, { force: true });
  let current = text;
  for (const [index, edit] of edits.entries()) {
    const next = mutate(current, [edit]);
    const incremental = analyze(next, { force: true, previous });
    const full = analyze(next, { force: true });
    if (!isDeepStrictEqual(comparable(incremental), comparable(full))) {
      try {
        assert.deepStrictEqual(comparable(incremental), comparable(full));
      } catch (error) {
        return `after edit ${String(index + 1)} (${JSON.stringify(edit)}) of ${JSON.stringify(current.slice(0, 80))}…: ${error instanceof Error ? error.message.slice(0, 3000) : String(error)}`;
      }
    }
    previous = incremental;
    current = next;
  }
  return null;
}

const edits = fc.array(mutation, { minLength: 1, maxLength: 12 });

test('after random edit sequences on every fixture and corpus document, incremental analysis equals a full one', () => {
  fc.assert(
    fc.property(fc.constantFrom(...DOCUMENTS), edits, (text, sequence) => {
      const problem = firstDisagreement(text, sequence);
      if (problem) throw new Error(problem);
    }),
    { seed: SEED, numRuns: 150 },
  );
});

test('after random edit sequences on generated postmortem Markdown, incremental analysis equals a full one', () => {
  fc.assert(
    fc.property(postmortemMarkdown, edits, (document, sequence) => {
      const problem = firstDisagreement(document.text, sequence);
      if (problem) throw new Error(problem);
    }),
    { seed: SEED, numRuns: 200 },
  );
});

/** A long timeline in two lists under date headings, as real long incidents are written. */
function longPostmortem(entries: number): string {
  const list = (day: number): string =>
    Array.from({ length: entries }, (_, index) => `- ${String(8 + Math.floor(index / 60)).padStart(2, '0')}:${String(index % 60).padStart(2, '0')} – Step ${String(index)} on 2024-03-0${String(day)}: checked the dashboard.`).join('\n');
  return `${readFixture('load-balancer-coffee-break.md')}\n## Full timeline\n\n### 2024-03-01\n\n${list(1)}\n\n### 2024-03-02\n\n${list(2)}\n`;
}

test('typing inside a long timeline parses only the items around the edit and keeps every other node', () => {
  const text = longPostmortem(400);
  const previous = parseMarkdown(text);
  const before = previous.root.children;
  const lists = before.filter((node) => node.type === 'list');
  const list = lists[lists.length - 1]!;
  const farItem = list.children[10]!;
  const editedItem = list.children[200]!;
  const at = editedItem.position!.start.offset! + 10;
  const next = reparse(previous, `${text.slice(0, at)}x${text.slice(at)}`);
  const nextList = next.root.children.find((node) => node === list);
  assert.ok(nextList?.type === 'list', 'the list node was kept, not parsed again');
  assert.equal(nextList.children[10], farItem, 'an item far from the edit was kept');
  assert.notEqual(nextList.children[200], editedItem, 'the edited item was parsed again');
  assert.deepEqual(next.root, parseMarkdown(`${text.slice(0, at)}x${text.slice(at)}`).root);
});

test('edits that change how the rest reads fall back to a full parse and still agree', () => {
  const text = longPostmortem(50);
  const middle = text.indexOf('- 08:25');
  const cases = {
    'an opened code fence': `${text.slice(0, middle)}\`\`\`\n${text.slice(middle)}`,
    'a link definition': `${text.slice(0, middle)}[graph]: https://grafana.example.com\n\n${text.slice(middle)}`,
    'an HTML comment left open': `${text.slice(0, middle)}<!-- draft\n${text.slice(middle)}`,
    'front matter': `---\ntitle: x\n---\n${text}`,
    'a setext underline': text.replace('## Full timeline', 'Full timeline\n---'),
    'a blank line that loosens the list': `${text.slice(0, middle)}\n${text.slice(middle)}`,
  };
  for (const [name, next] of Object.entries(cases)) {
    assert.deepEqual(reparse(parseMarkdown(text), next).root, parseMarkdown(next).root, name);
  }
});
