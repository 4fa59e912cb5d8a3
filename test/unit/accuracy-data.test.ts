import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { RULES } from '../../server/src/rules/registry.js';

// The development set's data (issue #11) is hand-made: these checks keep it joinable and
// keep the excluded sources out, so `npm run accuracy` measures what it says it measures.
const dir = new URL('../../../test/accuracy/', import.meta.url);

interface Entry { id: string; repo: string; commit: string; path: string; kind: string; organisation: string }
interface Verdict { id: string; rule: string; line: number; subject?: string; verdict: string; why: string }
interface Miss { id: string; line: number; kind: string; want: string; caughtBy: { rule: string | string[]; lines: [number, number] } }
interface Baseline { id: string; rule: string; line: number; severity: string; subject?: string }

function jsonl<T>(name: string): T[] {
  return readFileSync(new URL(name, dir), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}

const manifest = JSON.parse(readFileSync(new URL('devset.json', dir), 'utf8')) as Entry[];
const ids = new Set(manifest.map((entry) => entry.id));
const ruleIds = new Set(RULES.map((rule) => rule.id));
// Rules a miss may name that the engine does not have yet: text that cannot be read as a time or date.
const proposedRuleIds = new Set(['unreadable-time', 'date-mismatch']);

const EXCLUDED = [
  'jupyterhub/mybinder.org-deploy', 'dfds/postmortems', 'COG-UK/dipi-group', 'PostHog/post-mortems',
  'Chia-Network/post-mortem', 'kubernetes/test-infra', 'berkeley-dsep-infra/datahub',
  'openfoodfacts/openfoodfacts-infrastructure',
].map((repo) => repo.toLowerCase());

test('devset.json: unique ids, pinned commits, at least 20 organisation and 40 genre documents', () => {
  assert.equal(ids.size, manifest.length, 'ids are unique');
  for (const entry of manifest) {
    assert.match(entry.id, /^[a-z0-9][a-z0-9-]*$/, `${entry.id}: a file-name-safe id`);
    assert.match(entry.commit, /^[0-9a-f]{40}$/, `${entry.id}: a full commit hash`);
    assert.ok(entry.kind === 'org' || entry.kind === 'genre', `${entry.id}: kind`);
    assert.ok(entry.organisation.length > 0, `${entry.id}: organisation`);
  }
  const orgs = manifest.filter((entry) => entry.kind === 'org');
  assert.ok(orgs.length >= 20, 'at least 20 organisation documents');
  assert.ok(new Set(orgs.map((entry) => entry.organisation)).size >= 4, 'from at least four organisations');
  assert.ok(manifest.filter((entry) => entry.kind === 'genre').length >= 40, 'at least 40 genre documents');
});

test('devset.json: no source kept for independent evaluation, genre owners only from a digit or A-M', () => {
  for (const entry of manifest) {
    assert.ok(!EXCLUDED.includes(entry.repo.toLowerCase()), `${entry.id}: ${entry.repo} is kept for independent evaluation`);
    if (entry.kind === 'genre') {
      assert.equal(entry.path, '0x19-postmortem/README.md', `${entry.id}: the curriculum file`);
      assert.match(entry.repo, /^[0-9A-Ma-m]/, `${entry.id}: owner must begin with a digit or A-M`);
    }
  }
});

test('verdicts.jsonl: every verdict names a document of the set and a rule, says why, and is unique', () => {
  const seen = new Set<string>();
  for (const v of jsonl<Verdict>('verdicts.jsonl')) {
    const where = `${v.id} ${v.rule}:${v.line}${v.subject ? ` "${v.subject}"` : ''}`;
    assert.ok(ids.has(v.id), `${where}: not in devset.json`);
    assert.ok(ruleIds.has(v.rule), `${where}: unknown rule`);
    assert.ok(Number.isInteger(v.line) && v.line >= 1, `${where}: 1-based line`);
    assert.ok(['true', 'debatable', 'false'].includes(v.verdict), `${where}: verdict "${v.verdict}"`);
    assert.ok(v.why.trim().length > 10, `${where}: a reason`);
    assert.ok(!seen.has(where), `${where}: judged twice`);
    seen.add(where);
  }
});

test('misses.jsonl: every miss names a document, what a reviewer wants, and how a catch is recognised', () => {
  for (const m of jsonl<Miss>('misses.jsonl')) {
    const where = `${m.id}:${m.line}`;
    assert.ok(ids.has(m.id), `${where}: not in devset.json`);
    assert.ok(m.want.trim().length > 10, `${where}: what is wanted`);
    const rules = [m.caughtBy.rule].flat();
    assert.ok(rules.length > 0, `${where}: a rule`);
    for (const rule of rules) assert.ok(ruleIds.has(rule) || proposedRuleIds.has(rule), `${where}: unknown rule ${rule}`);
    const [from, to] = m.caughtBy.lines;
    assert.ok(from >= 1 && to >= from, `${where}: a line range`);
  }
});

test('baseline-findings.jsonl: every baseline finding has a verdict, so the kept figure is computable', () => {
  const verdicts = jsonl<Verdict>('verdicts.jsonl');
  const exact = new Set(verdicts.map((v) => `${v.id} ${v.rule} ${v.line} ${v.subject ?? ''}`));
  const byLine = new Set(verdicts.filter((v) => v.subject === undefined).map((v) => `${v.id} ${v.rule} ${v.line}`));
  for (const b of jsonl<Baseline>('baseline-findings.jsonl')) {
    assert.ok(ids.has(b.id), `${b.id}: not in devset.json`);
    const judged = exact.has(`${b.id} ${b.rule} ${b.line} ${b.subject ?? ''}`) || byLine.has(`${b.id} ${b.rule} ${b.line}`);
    assert.ok(judged, `${b.id} ${b.rule}:${b.line} has no verdict`);
  }
});
