import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import textmate from 'vscode-textmate';
import oniguruma from 'vscode-oniguruma';

// The injection grammar (syntaxes/postmortem.injection.tmLanguage.json) run
// the way VS Code runs it: vscode-textmate with Oniguruma, injected into VS
// Code's own Markdown grammar (a copy in test/fixtures/grammar, with the HTML
// grammar Markdown includes for inline HTML and comments).

const ROOT = new URL('../../../', import.meta.url);
const path = (relative: string): string => fileURLToPath(new URL(relative, ROOT));
const INJECTION = 'text.postmortem.injection';
const GRAMMARS: Record<string, string> = {
  'text.html.markdown': path('test/fixtures/grammar/markdown.tmLanguage.json'),
  'text.html.derivative': path('test/fixtures/grammar/html-derivative.tmLanguage.json'),
  'text.html.basic': path('test/fixtures/grammar/html.tmLanguage.json'),
  [INJECTION]: path('syntaxes/postmortem.injection.tmLanguage.json'),
};

const SCOPES = {
  ts: 'constant.numeric.timestamp.postmortem',
  dur: 'constant.numeric.duration.postmortem',
  sev: 'keyword.other.severity.postmortem',
  ticket: 'markup.underline.link.ticket.postmortem',
  owner: 'variable.other.owner.postmortem',
  metric: 'constant.numeric.metric.postmortem',
} as const;
type Kind = keyof typeof SCOPES;
const KIND_OF = new Map<string, Kind>(Object.entries(SCOPES).map(([kind, scope]) => [scope, kind as Kind]));

await oniguruma.loadWASM(readFileSync(path('node_modules/vscode-oniguruma/release/onig.wasm')));

function registry(injections: string[]): textmate.Registry {
  return new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: (scopeName: string) => {
      const file = GRAMMARS[scopeName];
      // Languages embedded in Markdown (YAML front matter, fenced code in
      // json, css ...) get a grammar that matches nothing: VS Code has them,
      // and without one vscode-textmate drops the embedding rule entirely.
      const raw = file
        ? textmate.parseRawGrammar(readFileSync(file, 'utf8'), file)
        : textmate.parseRawGrammar(JSON.stringify({ scopeName, patterns: [{ match: '(?!)' }] }), `${scopeName}.json`);
      return Promise.resolve(raw);
    },
    getInjections: (scopeName: string) => (scopeName === 'text.html.markdown' ? injections : undefined),
  });
}

const loaded = await registry([INJECTION]).loadGrammar('text.html.markdown');
assert.ok(loaded, 'the Markdown grammar loads');
const markdown: textmate.IGrammar = loaded;

interface Token {
  line: number;
  start: number;
  text: string;
  scopes: string[];
}

function tokenize(text: string, grammar = markdown): Token[] {
  const tokens: Token[] = [];
  let state = textmate.INITIAL;
  text.split('\n').forEach((lineText, line) => {
    const result = grammar.tokenizeLine(lineText, state);
    for (const token of result.tokens) {
      const tokenText = lineText.slice(token.startIndex, token.endIndex);
      if (tokenText !== '') tokens.push({ line, start: token.startIndex, text: tokenText, scopes: token.scopes });
    }
    state = result.ruleStack;
  });
  return tokens;
}

const ours = (token: Token): string[] => token.scopes.filter((scope) => scope.endsWith('.postmortem'));

/** The highlighted tokens of a document, in order: [text, kind]. */
function highlights(text: string): Array<[string, Kind]> {
  const found: Array<[string, Kind]> = [];
  for (const token of tokenize(text)) {
    const scopes = ours(token);
    if (scopes.length === 0) continue;
    assert.equal(scopes.length, 1, `one postmortem scope on "${token.text}": ${scopes.join(' ')}`);
    const kind = KIND_OF.get(scopes[0]!);
    assert.ok(kind, `known scope ${scopes[0]!}`);
    found.push([token.text, kind]);
  }
  return found;
}

// [what the case shows, Markdown, every highlighted token in order]
const CASES: ReadonlyArray<readonly [string, string, ReadonlyArray<readonly [string, Kind]>]> = [
  // Timestamps
  ['a 12-hour time in a nested timeline bullet', '- **Actions Taken**:\n  - 09:05 AM: The engineering team embarked on a treasure hunt.', [['09:05 AM', 'ts']]],
  ['a 24-hour time with a zone, next to a version', '- 09:12 UTC - Registry v3.68.0 deployed to production.', [['09:12 UTC', 'ts']]],
  ['a glued am/pm and zone; a ratio is not a time', '- 9:31AM PST – Payments API connection pool reaches 50/50.', [['9:31AM PST', 'ts']]],
  ['ISO 8601 in a table cell', '| Time | Event |\n| --- | --- |\n| 2026-08-18T16:27:00+00:00 | Scheduler moves the flag to 100% |', [['2026-08-18T16:27:00+00:00', 'ts'], ['100%', 'metric']]],
  ['a date, time and zone as one timestamp', 'Between 2015-10-21 15:28 UTC and 2015-10-21 16:02 UTC the API failed.', [['2015-10-21 15:28 UTC', 'ts'], ['2015-10-21 16:02 UTC', 'ts']]],
  ['a month name, day, time and zone', '**Start:** October 11 05:59 UTC', [['October 11 05:59 UTC', 'ts']]],
  ['dates with ordinals and weekdays', '**Date:** March 14th, 2023 (a Tuesday, 2023-03-14)', [['March 14th, 2023', 'ts'], ['Tuesday, 2023-03-14', 'ts']]],
  ['a status-page date line with a POSIX zone', 'Mon, August 11, 2014, 17:10 to 17:50 PST8PDT', [['Mon, August 11, 2014, 17:10', 'ts'], ['17:50 PST8PDT', 'ts']]],
  ['an approximate time; a time in a code span is code', '- `22:31` — Planned maintenance starts.\n- `~01:30` — then ~01:30 `rmq-2` rejoins.', [['~01:30', 'ts']]],
  ['a range of bare times', '- 8:20 - 8:24 — lock wait times out; 8:20-8:24 again', [['8:20', 'ts'], ['8:24', 'ts'], ['8:20', 'ts'], ['8:24', 'ts']]],
  ['timestamps in headings; the heading marker is not a ticket', '### 2021-06-08 04:12\n\n### 4:27', [['2021-06-08 04:12', 'ts'], ['4:27', 'ts']]],
  ['a relative time and a zone in parentheses', '| T+5m | Incident declared |\n\nFrom 2024-04-10 09:00 AM to 2024-04-10 11:30 AM (UTC).', [['T+5m', 'ts'], ['2024-04-10 09:00 AM', 'ts'], ['2024-04-10 11:30 AM (UTC)', 'ts']]],
  // Durations
  ['a compact duration and times in a Duration field', '**Duration:** 40min (04:27 to 05:07 UTC)', [['40min', 'dur'], ['04:27', 'ts'], ['05:07 UTC', 'ts']]],
  ['minutes in prose', 'Shakespeare Search returned errors for 66 minutes after a cache push.', [['66 minutes', 'dur']]],
  ['hours and minutes as one duration', 'Customer impact lasted 2 hours and 28 minutes, from 01:30 PST.', [['2 hours and 28 minutes', 'dur'], ['01:30 PST', 'ts']]],
  ['an approximate duration next to a version', 'Pulls failed for ~48 hours after registry v3.68.0 shipped.', [['~48 hours', 'dur']]],
  ['ISO 8601 and compact durations', 'The flag stayed on for PT2H30M (2h 30m).', [['PT2H30M', 'dur'], ['2h 30m', 'dur']]],
  ['durations in Stats fields', '- Time to detection: 5 minutes\n- Time to recovery: 84 minutes', [['5 minutes', 'dur'], ['84 minutes', 'dur']]],
  ['compound adjectives, but not the 24-hour clock', 'A 6-second network partition. All times UTC, 24-hour clock.', [['6-second', 'dur']]],
  ['spelled-out numbers and ranges; 429s are status codes', 'Support answered within five hours; queries took 20–40 s; no alert tracked 429s.', [['five hours', 'dur'], ['20–40 s', 'dur']]],
  // Severities
  ['a severity field', '**Severity:** SEV-2', [['SEV-2', 'sev']]],
  ['a severity without a dash, then a duration', '| Time in SEV1 | 59 minutes |', [['SEV1', 'sev'], ['59 minutes', 'dur']]],
  ['an action item row: owner, ticket, priority', '| Add a CI check | prevent | @rdiaz | OPS-1230 | P1 |', [['@rdiaz', 'owner'], ['OPS-1230', 'ticket'], ['P1', 'sev']]],
  ['severity in words; out-of-range levels and percentiles are not', 'Incident declared (severity 3); not SEV-6, P5 or p99.', [['severity 3', 'sev']]],
  // Owners and tickets
  ['an owner and a ticket in a task list', '- [ ] Validate zone files in CI (owner: @netops, NET-88)', [['@netops', 'owner'], ['NET-88', 'ticket']]],
  ['owners with dots, also at the end of a sentence', 'Incident closed by @hana.k; postmortem assigned to @bsato.', [['@hana.k', 'owner'], ['@bsato', 'owner']]],
  ['a team handle, but not an e-mail address', 'Mail ops@example.com or page @org/team.', [['@org/team', 'owner']]],
  ['an issue number in a heading', '# Shakespeare Search Outage Postmortem (incident #1873)', [['#1873', 'ticket']]],
  ['an issue number that starts a line is no heading', '#16424 - Lower the paging threshold from 5% to 1%', [['#16424', 'ticket'], ['5%', 'metric'], ['1%', 'metric']]],
  ['tracker keys and bug numbers; UTF-8, ISO-8601, GPT-4, UTC-5 are not tickets', 'BILL-INC-77 and Bug 5554823; UTF-8, ISO-8601, GPT-4 and UTC-5 are not tickets.', [['BILL-INC-77', 'ticket'], ['Bug 5554823', 'ticket']]],
  // Metrics
  ['a count with its unit', '- 2,340 support tickets were opened.', [['2,340 support tickets', 'metric']]],
  ['a scaled count and a percentage', '- Approximately 340 million search queries failed, about 41% of all queries.', [['340 million search queries', 'metric'], ['41%', 'metric']]],
  ['a count and money', '- 118 auto-pay customers were charged twice, $21,460 in total.', [['118 auto-pay customers', 'metric'], ['$21,460', 'metric']]],
  ['decimal percentages', 'Peak error ratio was 4.7% against a baseline of 0.02%.', [['4.7%', 'metric'], ['0.02%', 'metric']]],
  ['sizes and large numbers', 'A 50 GB disk; 63% (1,284,551 of 2,039,000) delivered late.', [['50 GB', 'metric'], ['63%', 'metric'], ['1,284,551', 'metric'], ['2,039,000', 'metric']]],
  ['HTTP status codes are not counts', '- 1,930 public API requests returned HTTP 503 errors; 429 responses followed.', [['1,930 public API requests', 'metric']]],
  ['a count stops before a verb or a function word', '- 23 users lost edits; 6,200 of those customers came back.', [['23 users', 'metric'], ['6,200', 'metric']]],
  ['money with a scale', 'An estimated $12,000 (or $1.2M a year).', [['$12,000', 'metric'], ['$1.2M', 'metric']]],
  ['underscore emphasis, but not identifiers', 'Italic _5 minutes_ and bold **12 users**; not ttl_30s or foo_ABC-1.', [['5 minutes', 'dur'], ['12 users', 'metric']]],
  // Nothing to see
  ['versions, IPs, ports and dotted release names', 'Rolled back to v1.12.2 on 10.0.12.40:8080 (auth-service 2014.08.11-2, web-2021.06.08-1, localhost:3000, 4.2.0).', []],
  ['numbers in a bare URL', 'Dashboard: http://monitor.example.com/#/dash/search?start_time=20160309T144500&end_time=20160309T160500', []],
  ['numbers in a link destination', '| 13:02 | Lag climbing | [lag graph](https://metrics.example.com/d/wh-lag?from=1594299600000&to=1594305000000) |', [['13:02', 'ts']]],
  ['link text, image alt text and titles, autolinks', '[deploy 88213 at 10:00](https://deploy.example.com/runs/88213) ![p99 over 5 minutes](graph-10-00.png "30%") <https://x.example.com/?t=5%>', []],
  ['reference definitions', 'See [the report][1].\n\n[1]: https://example.com/?from=1594299600000 "Report 10:00"', []],
  ['code spans', 'The cron expression `30 1 * * *` ran at `01:30` for `5 minutes`, ``SEV-1 @x ABC-1`` too.', []],
  ['an HTML comment at the end of a line', '- 17:16 — alert paged. <!-- expect: 10:00 5 minutes SEV-1 @x ABC-1 30% -->', [['17:16', 'ts']]],
  ['HTML attributes', '<span title="10:00 SEV-1">at 10:00</span>', [['10:00', 'ts']]],
  [
    'fenced and indented code, comment blocks',
    'Before 10:00.\n\n```\n10:00 5 minutes SEV-1 @x ABC-1 30%\n```\n\n```json\n{"at": "10:00", "for": "5 minutes"}\n```\n\n    10:00 indented 5 minutes\n\n<!--\n10:00 SEV-1 30%\n-->',
    [['10:00', 'ts']],
  ],
  ['YAML front matter', '---\nstart: 2026-08-18T16:27:00+00:00\nduration: PT2H30M\nowner: "@sofia.r"\n---\n\n# HOT-8812: autosave failing', [['HOT-8812', 'ticket']]],
];

for (const [what, text, expected] of CASES) {
  test(`grammar: ${what}`, () => {
    assert.deepEqual(highlights(text), expected.map(([token, kind]) => [token, kind]));
  });
}

function tokenAt(tokens: Token[], text: string): Token {
  const token = tokens.find((candidate) => candidate.text === text);
  assert.ok(token, `a token "${text}" in ${JSON.stringify(tokens.map((t) => t.text))}`);
  return token;
}

test('grammar: Markdown keeps its structure after a highlighted token that starts a line', () => {
  // With an L: injection priority the timestamp would win the tie with the
  // paragraph's zero-width start, the paragraph would never open, and the code
  // span after it would be plain text (and its 10:40 highlighted).
  const tokens = tokenize('- 11:05 UTC - Support saw failing `docker pull 10:40` in CI.\n\n2 hours of **downtime** with `code 5 minutes`');
  assert.ok(tokenAt(tokens, '11:05 UTC').scopes.includes('meta.paragraph.markdown'));
  assert.ok(tokenAt(tokens, 'docker pull 10:40').scopes.includes('markup.inline.raw.string.markdown'));
  assert.ok(tokenAt(tokens, 'downtime').scopes.includes('markup.bold.markdown'));
  assert.ok(tokenAt(tokens, 'code 5 minutes').scopes.includes('markup.inline.raw.string.markdown'));
  assert.deepEqual(tokens.filter((token) => ours(token).length > 0).map((token) => token.text), ['11:05 UTC', '2 hours']);
});

test('grammar: highlighted tokens sit inside the Markdown scopes around them', () => {
  const tokens = tokenize('### 4:27\n\n| 14:31 | `x` |\n| --- | --- |\n\n> SEV-1 declared');
  assert.deepEqual(tokenAt(tokens, '###').scopes.slice(-1), ['punctuation.definition.heading.markdown']);
  assert.deepEqual(tokenAt(tokens, '4:27').scopes.slice(-2), ['entity.name.section.markdown', SCOPES.ts]);
  assert.deepEqual(tokenAt(tokens, '14:31').scopes.slice(-2), ['markup.table.markdown', SCOPES.ts]);
  assert.deepEqual(tokenAt(tokens, 'SEV-1').scopes.slice(-3), ['markup.quote.markdown', 'meta.paragraph.markdown', SCOPES.sev]);
});

test('grammar: the scopes the injection selector excludes exist in the Markdown and HTML grammars', () => {
  const grammar = JSON.parse(readFileSync(GRAMMARS[INJECTION]!, 'utf8')) as { scopeName: string; injectionSelector: string };
  assert.equal(grammar.scopeName, INJECTION);
  const excluded = grammar.injectionSelector.split(/\s+/).filter((part) => part.startsWith('-')).map((part) => part.slice(1));
  assert.equal(grammar.injectionSelector.split(/\s+/)[0], 'text.html.markdown');
  const names = ['text.html.markdown', 'text.html.basic'].flatMap((scope) => [
    ...readFileSync(GRAMMARS[scope]!, 'utf8').matchAll(/"(?:name|contentName)":\s*"([^"]+)"/g),
  ].map((match) => match[1]!));
  for (const scope of excluded) {
    // markup.math comes from VS Code's markdown-math extension, not from these grammars.
    if (scope === 'markup.math') continue;
    assert.ok(names.some((name) => name === scope || name.startsWith(`${scope}.`)), `${scope} is a scope of the Markdown or HTML grammar`);
  }
  for (const scope of ['markup.fenced_code', 'markup.inline.raw', 'markup.raw', 'meta.link', 'meta.image', 'comment', 'meta.embedded']) {
    assert.ok(excluded.includes(scope), `the selector excludes ${scope}`);
  }
});

test('grammar: the real postmortems never get highlights inside code, URLs, links or comments', () => {
  const folders = [path('test/corpus/'), path('examples/postmortems/')];
  const files = folders.flatMap((folder) => readdirSync(folder).filter((name) => name.endsWith('.md')).map((name) => folder + name));
  assert.ok(files.length >= 15);
  let highlighted = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const lines = text.split('\n');
    // Ranges a highlight must never touch, found without the grammar.
    const forbidden = lines.map((line) => [
      ...line.matchAll(/`[^`]*`|https?:\/\/[^\s)>|]+|<!--.*?-->|\]\([^)]*\)/g),
    ].map((match) => [match.index, match.index + match[0].length] as const));
    let inFence = false;
    const fenced = lines.map((line) => {
      if (/^\s*```/.test(line)) inFence = !inFence;
      return inFence || /^\s*```/.test(line);
    });
    for (const token of tokenize(text)) {
      if (ours(token).length === 0) continue;
      highlighted++;
      const where = `${file}:${token.line + 1} "${token.text}"`;
      assert.ok(!fenced[token.line], `${where} is in a fenced block`);
      for (const [start, end] of forbidden[token.line]!) {
        assert.ok(token.start + token.text.length <= start || token.start >= end, `${where} overlaps ${lines[token.line]!.slice(start, end)}`);
      }
    }
  }
  assert.ok(highlighted > 500, `${highlighted} highlights in the corpus`);
});

test('grammar: the corpus documents get their key facts highlighted', () => {
  const doc = (name: string): Array<[string, Kind]> => highlights(readFileSync(path(name), 'utf8'));
  const gitlab = doc('test/corpus/gitlab-rca-registry-pulls.md');
  for (const expected of [['~48 hours', 'dur'], ['2,865 minutes', 'dur'], ['2023-03-14 09:40 UTC', 'ts'], ['4.7%', 'metric'], ['61.2 million blob downloads', 'metric'], ['#16424', 'ticket'], ['@igor.b', 'owner']] as const) {
    assert.ok(gitlab.some(([text, kind]) => text === expected[0] && kind === expected[1]), `${expected[0]} (${expected[1]}) in the GitLab RCA`);
  }
  const seed = doc('examples/postmortems/2024-04-10-load-balancer-coffee-break.md');
  assert.deepEqual(seed.filter(([, kind]) => kind !== 'ts').map(([text]) => text), ['30%']);
  assert.equal(seed.filter(([, kind]) => kind === 'ts').length, 8);
  const pagerduty = doc('test/corpus/pagerduty-webhook-delays.md');
  assert.ok(!pagerduty.some(([text]) => /1594299600000|88213|1\.12/.test(text)), 'no URL or version numbers in the PagerDuty document');
});

/** A deterministic line of `length` characters drawn from `alphabet`. */
function noise(alphabet: string, length: number): string {
  let seed = 42;
  let line = '';
  while (line.length < length) {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    line += alphabet.charAt((seed >>> 16) % alphabet.length);
  }
  return line;
}

for (const [what, line] of [
  ['100,000 random digits, colons and spaces', noise('0123456789: ', 100_000)],
  ['100,000 characters of back-to-back times', '12:34 '.repeat(16_667)],
  ['100,000 characters of numbers and words', '12 users 5 minutes 30% SEV-1 @a ABC-1 2024-01-02 '.repeat(2_000)],
  // Table cells are tokenized again as captures; this was quadratic (seconds
  // for 10,000 characters) while the grammar was a list of separate patterns.
  ['a 10,000-character table row', `|${'12:34 | ab |'.repeat(834)}`],
] as const) {
  test(`grammar: tokenizing ${what} stays well under the time budget`, (t) => {
    markdown.tokenizeLine('warm up 12:34 SEV-1', textmate.INITIAL);
    const started = performance.now();
    const result = markdown.tokenizeLine(line, textmate.INITIAL);
    const elapsed = performance.now() - started;
    t.diagnostic(`${line.length} characters, ${result.tokens.length} tokens in ${elapsed.toFixed(0)} ms`);
    assert.equal(result.stoppedEarly, false);
    // The budget is generous because the machine is shared; it is typically a few hundred ms.
    assert.ok(elapsed < 2000, `took ${elapsed.toFixed(0)} ms`);
  });
}
