// The requests the VS Code client shows everything through (it imports
// nothing from the engine): the templates New Postmortem offers, the team's
// own from .postmortemrc included, the new file it renders, and the
// insert-section edit asked for by heading or kind. Against the spawned,
// bundled server, with real config files on disk.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CodeActionRequest, type CodeAction, type Diagnostic } from 'vscode-languageserver-protocol/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SpawnedServer } from '../support/spawned-server.js';
import { CORPUS, readFixture } from '../support/fixtures.js';
import { InsertSectionRequest, NewPostmortemRequest, OutlineRequest, TemplatesRequest, type PlainTextEdit } from '../../server/src/protocol.js';

const AUTH = readFileSync(join(CORPUS, 'auth-login-failures-eu-west.md'), 'utf8');
const SEED = readFixture('load-balancer-coffee-break.md');
const BUILT_IN = ['seed', 'google-sre', 'pagerduty', 'atlassian'];

// A team's own format, written for this test.
const TEAM_TEMPLATE = `name: Harbor incident review
id: harbor-review
sections:
  - heading: What broke
    kinds: [summary]
    purpose: One paragraph a newcomer understands.
    body: "\${1:What broke, for whom, for how long.}"
  - heading: Who noticed
    kinds: [impact]
    purpose: The customers and the numbers.
    body: "\${1:Requests failed, customers affected.}"
  - heading: Minute by minute
    kinds: [timeline]
    purpose: What happened when.
    body: "- \${1:14:02} \${2:What happened}"
  - heading: Never again
    kinds: [action-items]
    purpose: The changes, each with an owner.
    body: "- [ ] \${1:A change} (\${2:@owner})"
`;

let server: SpawnedServer;
let root: string;

before(async () => {
  root = mkdtempSync(join(tmpdir(), 'pm-client-requests-'));
  ({ server } = await SpawnedServer.start());
});

after(async () => {
  assert.equal(await server.stop(), 0, `server exited badly; stderr: ${server.stderr.join('')}`);
  rmSync(root, { recursive: true, force: true });
});

/** A folder of its own under the test root, with these files in it. */
function folderWith(name: string, files: Record<string, string>): string {
  const folder = join(root, name);
  mkdirSync(folder, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(folder, file), text);
  return folder;
}

const folderUri = (path: string): string => pathToFileURL(path).toString();
const apply = (text: string, edits: PlainTextEdit[]): string => TextDocument.applyEdits(TextDocument.create('file:///x.md', 'markdown', 1, text), edits);

test("templates: a folder's .postmortemrc names the team's template file; it is offered first, then the built-in ones, with no document open", async () => {
  const team = folderWith('team', { '.postmortemrc.json': JSON.stringify({ template: 'harbor.yaml' }), 'harbor.yaml': TEAM_TEMPLATE });
  // The folder New Postmortem writes into need not exist yet: the config above it applies.
  const listed = await server.connection.sendRequest(TemplatesRequest, { folder: folderUri(join(team, 'postmortems')) });
  assert.deepEqual(listed.problems, []);
  assert.deepEqual(
    listed.templates.map((template) => [template.id, template.custom, template.configured]),
    [['harbor-review', true, true], ...BUILT_IN.map((id) => [id, false, false])],
  );
  assert.deepEqual(listed.templates[0], {
    id: 'harbor-review',
    name: 'Harbor incident review',
    source: 'custom template file',
    custom: true,
    configured: true,
    headings: ['What broke', 'Who noticed', 'Minute by minute', 'Never again'],
  });
  assert.deepEqual(listed.severities, ['SEV-1', 'SEV-2', 'SEV-3', 'SEV-4', 'SEV-5']);
});

test("newPostmortem: renders the team's template with the answers filled in, and names the file by date and title", async () => {
  const team = folderWith('team-render', { '.postmortemrc.yaml': 'template: ./harbor.yaml\n', 'harbor.yaml': TEAM_TEMPLATE });
  const folder = folderUri(join(team, 'postmortems'));
  const rendered = await server.connection.sendRequest(NewPostmortemRequest, { folder, template: 'harbor-review', title: 'Queue backlog: $5 refunds', date: '2024-05-01', severity: 'SEV-2' });
  assert.ok(rendered);
  assert.equal(rendered.fileStem, '2024-05-01-queue-backlog-5-refunds');
  assert.equal(
    rendered.snippet,
    [
      '# Postmortem: Queue backlog: \\$5 refunds',
      '',
      '**Date:** 2024-05-01',
      '**Severity:** SEV-2',
      '**Status:** Draft',
      '**Authors:** ${1:@you}',
      '',
      '## What broke',
      '',
      '${2:What broke, for whom, for how long.}',
      '',
      '## Who noticed',
      '',
      '${3:Requests failed, customers affected.}',
      '',
      '## Minute by minute',
      '',
      '- ${4:14:02} ${5:What happened}',
      '',
      '## Never again',
      '',
      '- [ ] ${6:A change} (${7:@owner})',
      '',
      '$0',
    ].join('\n'),
  );
  // The built-in ones still render there; an id the folder does not know renders nothing.
  const builtIn = await server.connection.sendRequest(NewPostmortemRequest, { folder, template: 'google-sre', title: 'x', date: '2024-05-01', severity: 'SEV-3' });
  assert.match(builtIn?.snippet ?? '', /\n## Root Causes\n/);
  assert.equal(await server.connection.sendRequest(NewPostmortemRequest, { folder, template: 'no-such-template', title: 'x', date: '2024-05-01', severity: 'SEV-3' }), null);
  // Elsewhere (no config above), the team's template is unknown.
  const elsewhere = folderWith('elsewhere', {});
  assert.equal(await server.connection.sendRequest(NewPostmortemRequest, { folder: folderUri(elsewhere), template: 'harbor-review', title: 'x', date: '2024-05-01', severity: 'SEV-3' }), null);
});

test('templates: a broken config or template file is reported in plain words, and the built-in templates are still offered and rendered', async () => {
  const missingFile = folderWith('broken-missing', { '.postmortemrc.json': JSON.stringify({ template: 'nowhere.yaml' }) });
  const missing = await server.connection.sendRequest(TemplatesRequest, { folder: folderUri(missingFile) });
  assert.deepEqual(missing.templates.map((template) => template.id), BUILT_IN);
  assert.equal(missing.problems.length, 1);
  assert.match(missing.problems[0]!, /\.postmortemrc\.json:1:\d+: template: the template file nowhere\.yaml /);

  const badTemplate = folderWith('broken-template', { '.postmortemrc.json': JSON.stringify({ template: 'harbor.yaml' }), 'harbor.yaml': 'name: Harbor\nsections: []\n' });
  const bad = await server.connection.sendRequest(TemplatesRequest, { folder: folderUri(badTemplate) });
  assert.deepEqual(bad.templates.map((template) => template.id), BUILT_IN);
  assert.match(bad.problems.join('\n'), /harbor\.yaml:\d+:\d+: sections: /);

  const unparsable = folderWith('broken-json', { '.postmortemrc.json': '{ "template": ' });
  const broken = await server.connection.sendRequest(TemplatesRequest, { folder: folderUri(unparsable) });
  assert.deepEqual(broken.templates.map((template) => template.id), BUILT_IN);
  assert.equal(broken.problems.length, 1);
  const rendered = await server.connection.sendRequest(NewPostmortemRequest, { folder: folderUri(unparsable), template: 'seed', title: 'Still works', date: '2024-05-01', severity: 'SEV-3' });
  assert.equal(rendered?.fileStem, '2024-05-01-still-works');

  // No workspace folder: the built-in templates.
  const none = await server.connection.sendRequest(TemplatesRequest, { folder: null });
  assert.deepEqual([none.templates.map((template) => template.id), none.problems], [BUILT_IN, []]);
});

/** The missing-section quick fix's edits for a heading, as the diagnostics offer them. */
async function quickFixEdits(uri: string, diagnostics: Diagnostic[], heading: string): Promise<PlainTextEdit[] | undefined> {
  const actions = (await server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics } })) as CodeAction[] | null;
  return actions?.find((action) => action.title === `Insert the "${heading}" section`)?.edit?.changes?.[uri];
}

test('insertSection: by heading or by kind, the same edit as the missing-section quick fix', async () => {
  const uri = folderUri(join(root, 'insert', 'postmortems', 'auth.md'));
  const published = await server.open(uri, AUTH);
  const byHeading = await server.connection.sendRequest(InsertSectionRequest, { uri, heading: 'Action Items' });
  const byKind = await server.connection.sendRequest(InsertSectionRequest, { uri, kind: 'action-items' });
  assert.ok(byHeading?.edits);
  assert.deepEqual(byKind, byHeading);
  assert.equal(byHeading.version, 1);
  assert.equal(byHeading.heading, 'Action Items');
  assert.deepEqual(byHeading.edits, await quickFixEdits(uri, published.diagnostics, 'Action Items'));
  // Headings are matched as the engine matches them (case, numbering).
  assert.deepEqual(await server.connection.sendRequest(InsertSectionRequest, { uri, heading: '5. action items' }), byHeading);

  const after = apply(AUTH, byHeading.edits);
  await server.replace(uri, after);
  const again = await server.connection.sendRequest(InsertSectionRequest, { uri, heading: 'Action Items' });
  assert.deepEqual(again, { version: 2, edits: null, heading: 'Action Items', reason: 'The document already has the "Action Items" section.' });
  const unknown = await server.connection.sendRequest(InsertSectionRequest, { uri, heading: 'Five whys' });
  assert.deepEqual(unknown, { version: 2, edits: null, heading: null, reason: 'The essential sections template has no section "Five whys".' });
});

test('insertSection does not depend on a diagnostic or its message: with missing-section turned off, the edit is the same', async () => {
  const reference = folderUri(join(root, 'reference', 'postmortems', 'auth.md'));
  await server.open(reference, AUTH);
  const expected = await server.connection.sendRequest(InsertSectionRequest, { uri: reference, heading: 'Action Items' });
  assert.ok(expected?.edits);

  const quiet = folderWith('quiet', { '.postmortemrc.json': JSON.stringify({ rules: { 'missing-section': 'off' } }) });
  const uri = folderUri(join(quiet, 'postmortems', 'auth.md'));
  const published = await server.open(uri, AUTH);
  assert.ok(!published.diagnostics.some((diagnostic) => diagnostic.code === 'missing-section'), 'the rule is off: no diagnostic, no message to match');
  const answer = await server.connection.sendRequest(InsertSectionRequest, { uri, heading: 'Action Items' });
  assert.deepEqual(answer, expected);
});

// A Google SRE book postmortem with every required section and none of the recommended ones (Trigger, Lessons Learned, Supporting information).
const SRE_REQUIRED_ONLY = `# Postmortem: Search index served stale results

**Date:** 2024-02-06
**Duration:** 45 minutes (10:05 to 10:50 UTC)

## Summary

Search served results from a stale index for 45 minutes after a rebuild wrote no shards.

## Impact

- 12% of search queries returned results older than one day.

## Root Causes

The rebuild job reported success although it had written no shards.

## Resolution

The on-call engineer pointed search back at the previous index.

## Detection

The index freshness alert fired at 10:12 UTC.

## Action Items

| Action Item | Type | Owner | Bug |
| --- | --- | --- | --- |
| Fail the rebuild when no shard is written | prevent | @lena | SRCH-88 |

## Timeline

All times UTC.

- 10:05 The rebuild job finishes without writing shards.
- 10:12 The freshness alert fires.
- 10:50 Search points back at the previous index.
`;

test("insertSection inserts recommended sections (no diagnostic names them) at the template's place, never past the end", async () => {
  const folder = folderWith('sre', { '.postmortemrc.json': JSON.stringify({ template: 'google-sre' }) });
  const uri = folderUri(join(folder, 'postmortems', 'search.md'));
  const published = await server.open(uri, SRE_REQUIRED_ONLY);
  assert.ok(!published.diagnostics.some((diagnostic) => diagnostic.code === 'missing-section'));
  const outline = await server.connection.sendRequest(OutlineRequest, { uri });
  assert.deepEqual(
    outline?.sections.filter((section) => section.status === 'missing').map((section) => [section.heading, section.required]),
    [['Trigger', false], ['Lessons Learned', false], ['Supporting information', false]],
  );
  let text = SRE_REQUIRED_ONLY;
  for (const heading of ['Supporting information', 'Trigger', 'Lessons Learned']) {
    const answer = await server.connection.sendRequest(InsertSectionRequest, { uri, heading });
    assert.ok(answer?.edits, `${heading}: ${answer?.reason ?? 'null'}`);
    const lastLine = text.split('\n').length - 1;
    for (const edit of answer.edits) assert.ok(edit.range.start.line <= lastLine, `${heading} lands inside the document (line ${edit.range.start.line} of ${lastLine})`);
    text = apply(text, answer.edits);
    await server.replace(uri, text);
  }
  assert.deepEqual(
    text.split('\n').filter((line) => line.startsWith('## ')),
    ['## Summary', '## Impact', '## Root Causes', '## Trigger', '## Resolution', '## Detection', '## Action Items', '## Lessons Learned', '## Timeline', '## Supporting information'],
  );
  const after = await server.connection.sendRequest(OutlineRequest, { uri });
  assert.deepEqual(after?.sections.filter((section) => section.status === 'missing'), []);
});

test('outline: durations come formatted and document text as literal Markdown, so the client formats nothing', async () => {
  const uri = folderUri(join(root, 'outline', 'postmortems', 'seed.md'));
  // Escaped in the source, so the heading's text holds Markdown characters that a tooltip must show as written.
  await server.open(uri, SEED.replace('## Root Cause\n', '## Root Cause\n\n## Who broke \\*prod\\* \\[again\\]\n'));
  const outline = await server.connection.sendRequest(OutlineRequest, { uri });
  assert.ok(outline);
  // The seed's timeline runs 09:00 to 11:30, and so does the duration it states in its prose.
  assert.deepEqual([outline.duration, outline.durationText], [{ stated: 150, computed: 150 }, { stated: '2h 30m', computed: '2h 30m' }]);
  assert.deepEqual(outline.markdown, { title: 'Postmortem: When the Load Balancer Went on a Coffee Break ☕️', template: 'Issue Summary / Timeline (the seed format)' });
  const odd = outline.sections.find((section) => section.heading === 'Who broke *prod* [again]');
  assert.equal(odd?.markdown.heading, 'Who broke \\*prod\\* \\[again\\]');
});
