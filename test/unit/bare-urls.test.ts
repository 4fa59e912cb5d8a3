// The parser no longer turns bare URLs into links (see server/src/model/gfm-parse.ts):
// prose must still leave them out, or a URL's path and query read as words and times.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bareUrlSpans } from '../../server/src/model/bare-urls.js';
import { proseBlocks } from '../../server/src/model/prose.js';
import { parseMarkdown } from '../../server/src/model/markdown.js';

const found = (text: string): string[] => bareUrlSpans(text).map(([from, to]) => text.slice(from, to));

test('bare URLs and addresses are found as GitHub finds literal autolinks', () => {
  assert.deepEqual(found('see https://grafana.example.com/d/x?from=1594299600000&to=1594303200000.'), ['https://grafana.example.com/d/x?from=1594299600000&to=1594303200000']);
  assert.deepEqual(found('(www.example.com/a_(b)) and more'), ['www.example.com/a_(b)']);
  assert.deepEqual(found('mail oncall@example.com, then mailto:sre@example.org'), ['oncall@example.com', 'mailto:sre@example.org']);
  // Not URLs: no dot in the host, a letter right before, an underscore in the last labels, an address ending in a digit.
  assert.deepEqual(found('http://localhost:8080 xhttps://a.b.c https://a.b_c/ user@host-1'), []);
});

test('prose blanks bare URLs but keeps the words around them and the text of real links', () => {
  const text = '# Timeline\n\nAt 10:00 see https://status.example.com/2024/03/02?t=11:45 for [https://docs.example.com](https://x.example.com/12:30), `12:00` too.\n';
  const blocks = proseBlocks(parseMarkdown(text));
  const paragraph = blocks.find((block) => block.kind === 'paragraph')!;
  assert.equal(paragraph.text.length, text.indexOf('\n', text.indexOf('At')) - text.indexOf('At'));
  assert.match(paragraph.text, /^At 10:00 see {2,}for \[https:\/\/docs\.example\.com {2,}, {2,}too\.$/);
  assert.doesNotMatch(paragraph.text, /11:45|12:30|12:00/);
});
