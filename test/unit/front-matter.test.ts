import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse as parseYaml } from 'yaml';
import { simpleFrontMatter, readFrontMatterText } from '../../server/src/model/front-matter.js';

// What the YAML parser makes of a block, as readFrontMatterText keeps it.
function byParser(source: string): unknown {
  try {
    const value: unknown = parseYaml(source);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
}

const KEYS = ['title', 'status', 'severity', 'date', 'Incident Date', 'owner-team', 'a_b', 'null', 'true', 'key', 'title'];
const VALUES = ['', 'Draft', 'SEV-1', 'Internal DNS resolvers stopped answering', '2024-06-12', '2024-6-12', '2024-06-12 10:00', '10:00', 'true', 'True', 'yes', 'No', 'null', '~', '42', '4.2', '0x1F', '1e3', '.inf', 'a # comment', 'a#b', "it's", '"quoted"', "'single'", '[a, b]', '{a: 1}', 'a: b', 'a:b', 'trailing:', '@maria', '*alias', '&anchor x', '!tag x', '|', '>', '- item', 'a  b', 'x (y) + z, w.', '50% of users', 'we/they', 'a\tb', 'A&B', 'Why?', 'Done!'];
const SEPARATORS = [': ', ':  ', ':', ' : ', ':\t'];

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

test('the fast reading of simple front matter equals the YAML parser, on thousands of random blocks', () => {
  const next = random(7);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  let fast = 0;
  for (let i = 0; i < 20_000; i++) {
    const lines = Array.from({ length: 1 + Math.floor(next() * 5) }, () => `${next() < 0.05 ? ' ' : ''}${pick(KEYS)}${pick(SEPARATORS)}${pick(VALUES)}${next() < 0.1 ? '  ' : ''}`);
    const source = lines.join('\n');
    const simple = simpleFrontMatter(source);
    if (simple === undefined) continue;
    fast++;
    assert.deepEqual(simple, byParser(source), JSON.stringify(source));
  }
  assert.ok(fast > 200, `the fast path is taken often enough to be tested: ${fast}`);
});

test('front matter the fast path leaves alone is read by the YAML parser', () => {
  for (const source of ['tags:\n  - a\n  - b', 'severity: 1', 'title: "Quoted: yes"', 'a: 1\na: 2', '', 'not yaml: [', '- a list']) {
    assert.equal(simpleFrontMatter(source), undefined, source);
    assert.deepEqual(readFrontMatterText(source), byParser(source), source);
  }
  assert.deepEqual(readFrontMatterText('type: postmortem\ntitle: Internal DNS resolvers stopped answering\nseverity: SEV-1\ndate: 2024-06-12\nowner:'), {
    type: 'postmortem',
    title: 'Internal DNS resolvers stopped answering',
    severity: 'SEV-1',
    date: '2024-06-12',
    owner: null,
  });
});
