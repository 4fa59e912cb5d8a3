import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../../server/src/engine/analyze.js';
import { CORPUS } from '../support/fixtures.js';

// Issue 11: templates and non-postmortems (an index, a README, an install log)
// are skipped by the CLI and the server alike, with a note; a postmortem kept in
// a README of its own is still checked.

const CLI = fileURLToPath(new URL('../../../dist/cli.cjs', import.meta.url));

// A folder's index: a list of links to the postmortems, with dates and times.
const INDEX = `# Postmortems

## Timeline of incidents

- 2024-03-04 10:00 [Search index stale](2024-03-04-search.md)
- 2024-03-09 09:00 [Checkout errors](2024-03-09-checkout.md)
- 2024-04-12 16:30 [Uploads rejected](2024-04-12-uploads.md)

## Root causes

Configuration changes, mostly; see each postmortem.

## Action items

- [Open follow-ups](follow-ups.md)
`;

// A genre postmortem kept as its repository's README, with no postmortem word in its title.
const GENRE = readFileSync(join(CORPUS, 'genre-hash-without-space.md'), 'utf8').replace('#Postmortem: nightly', '#Nightly');

function folder(): string {
  const root = mkdtempSync(join(tmpdir(), 'pm-not-postmortems-'));
  writeFileSync(join(root, 'index.md'), INDEX);
  mkdirSync(join(root, '0x19-postmortem'));
  writeFileSync(join(root, '0x19-postmortem', 'README.md'), GENRE);
  writeFileSync(join(root, 'incident-template.md'), '# Postmortem: <title>\n\n## Summary\n\n<what happened>\n\n## Timeline\n\n- hh:mm <event>\n\n## Root Cause\n\n<why>\n\n## Action Items\n\n- [ ] <task> (owner: <owner>)\n');
  return root;
}

test('the CLI leaves an index of postmortems alone with a note, and checks a postmortem kept in a README', () => {
  const root = folder();
  const result = spawnSync(process.execPath, [CLI, '--format', 'json', '.'], { cwd: root, encoding: 'utf8' });
  const files = (JSON.parse(result.stdout) as Array<{ file: string; diagnostics: Array<{ rule: string }> }>).map((entry) => [entry.file, [...new Set(entry.diagnostics.map((d) => d.rule))]]);
  // The template gets only its placeholder note; the README postmortem is checked (it has no findings).
  assert.deepEqual(files, [['0x19-postmortem/README.md', []], ['incident-template.md', ['placeholder-text']]]);
  assert.match(result.stderr, /^postmortem-lint: index\.md: not checked: its name says it is an index, README or log/);
  assert.equal(result.stderr.split('\n').filter(Boolean).length, 1, result.stderr);
});

test('the server\'s analysis (what both hosts call) skips the index with the same note, and checks the README postmortem', () => {
  const index = analyze(INDEX, { path: '/repo/postmortems/index.md' });
  assert.equal(index.isPostmortem, null);
  assert.deepEqual(index.findings, []);
  assert.match(index.note ?? '', /^not checked: its name says it is an index, README or log/);
  // Without the name, the same text reads as a postmortem by its sections: the name is what keeps it out.
  assert.notEqual(analyze(INDEX, { path: '/repo/postmortems/2024-overview.md' }).isPostmortem, null);
  const readme = analyze(GENRE, { path: '/repo/0x19-postmortem/README.md' });
  assert.equal(readme.isPostmortem, 'content');
  assert.equal(readme.note, undefined);
  // An install log with a timeline of commands and nothing else is no postmortem either; it is not worth a note.
  const log = analyze('# Install log\n\n## Timeline\n\n- 10:00 apt-get install nginx\n- 10:05 nginx configured\n\n## Notes\n\nDone.\n', { path: '/repo/install-log.md' });
  assert.equal(log.isPostmortem, null);
  assert.equal(log.note, undefined);
});
