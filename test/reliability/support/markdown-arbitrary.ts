// fast-check arbitraries for postmortem-like Markdown as people really write
// it, mid-edit and half broken: headings with section names (ATX, closed,
// numbered, setext, with emoji), bold and plain fields, timelines with times
// in every shape the engine reads and some it must not, sub-labels, date
// headings, tables (whole and torn), action items, front matter (valid,
// broken, unclosed), code fences (closed and not), HTML comments and
// directives, and random junk: emoji, NUL, lone surrogates, control
// characters, Markdown punctuation soup.
import fc from 'fast-check';

const SECTION_NAMES = [
  'Summary',
  'Issue Summary',
  'Executive Summary',
  'Overview',
  'Impact',
  'Customer Impact',
  'Root Cause',
  'Root Causes',
  'Root Cause and Resolution',
  'Contributing Factors',
  'Trigger',
  'Detection',
  'Response',
  'Resolution',
  'Recovery',
  'Timeline',
  'Timeline (UTC)',
  'Action Items',
  'Corrective and Preventative Measures',
  'Follow-ups',
  'Next Steps',
  'Lessons Learned',
  'What went well',
  'What went wrong',
  'Supporting Information',
  'Appendix',
  'Background',
  'Notes',
  'Postmortem: checkout outage',
  'Incident report',
  'RCA',
];

const ZONES = ['UTC', 'GMT', 'PST', 'PDT', 'EST', 'CET', 'CEST', 'IST', 'JST', 'Z', 'PST8PDT', 'Europe/Berlin', 'America/Los_Angeles', 'UTC+2', 'UTC-05:00', '+0530', 'Mars/Olympus', 'XYZ'];

const pad = (n: number): string => String(n).padStart(2, '0');

const hour24 = fc.integer({ min: 0, max: 23 });
const hour12 = fc.integer({ min: 1, max: 12 });
const minute = fc.integer({ min: 0, max: 59 });
const zone = fc.constantFrom(...ZONES);
const isoDate = fc.tuple(fc.integer({ min: 1965, max: 2105 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(([y, m, d]) => `${y}-${pad(m)}-${pad(d)}`);
const monthName = fc.constantFrom('January', 'Feb', 'March', 'Apr', 'May', 'June', 'Jul', 'August', 'Sept', 'Oct.', 'November', 'Dec');
const weekday = fc.constantFrom('Mon', 'Tuesday', 'Wed.', 'Thu', 'Friday', 'Sat', 'Sun');

/** A time of day or a date-time in one of the shapes postmortems use, or a near miss. */
export const timestamp: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(hour24, minute).map(([h, m]) => `${pad(h)}:${pad(m)}`),
  fc.tuple(hour24, minute, zone).map(([h, m, z]) => `${pad(h)}:${pad(m)} ${z}`),
  fc.tuple(hour12, minute, fc.constantFrom('AM', 'PM', 'am', 'pm', 'a.m.', 'p.m.', 'A.M.')).map(([h, m, ampm]) => `${pad(h)}:${pad(m)} ${ampm}`),
  fc.tuple(hour12, minute, fc.constantFrom('am', 'pm')).map(([h, m, ampm]) => `${h}:${pad(m)}${ampm}`),
  fc.tuple(hour12, fc.constantFrom('am', 'pm', 'AM')).map(([h, ampm]) => `${h}${ampm}`),
  fc.tuple(hour24, minute, minute).map(([h, m, s]) => `${pad(h)}:${pad(m)}:${pad(s)}`),
  fc.tuple(isoDate, hour24, minute, zone).map(([d, h, m, z]) => `${d} ${pad(h)}:${pad(m)} ${z}`),
  fc.tuple(isoDate, hour24, minute).map(([d, h, m]) => `${d}T${pad(h)}:${pad(m)}:00Z`),
  fc.tuple(isoDate, hour24, minute, fc.constantFrom('+02:00', '-07:00', '+05:30')).map(([d, h, m, o]) => `${d}T${pad(h)}:${pad(m)}:00${o}`),
  fc.tuple(monthName, fc.integer({ min: 0, max: 32 }), hour24, minute, zone).map(([mo, d, h, m, z]) => `${mo} ${d} ${pad(h)}:${pad(m)} ${z}`),
  fc.tuple(weekday, monthName, fc.integer({ min: 1, max: 31 }), fc.integer({ min: 1969, max: 2101 }), hour24, minute).map(([w, mo, d, y, h, m]) => `${w}, ${mo} ${d}, ${y}, ${pad(h)}:${pad(m)} PST8PDT`),
  fc.tuple(hour24, minute).map(([h, m]) => `~${pad(h)}:${pad(m)}`),
  fc.tuple(hour24, minute, fc.constantFrom('around', 'about', 'approx.', 'circa')).map(([h, m, w]) => `${w} ${pad(h)}:${pad(m)}`),
  fc.tuple(hour12, minute, hour12, minute).map(([h1, m1, h2, m2]) => `${h1}:${pad(m1)} - ${h2}:${pad(m2)}`),
  fc.tuple(hour24, minute, isoDate).map(([h, m, d]) => `${pad(h)}:${pad(m)} UTC on ${d}`),
  isoDate,
  fc.tuple(monthName, fc.integer({ min: 1, max: 31 })).map(([mo, d]) => `${mo} ${d}`),
  // Near misses: not times, or not valid ones.
  fc.constantFrom('25:61', '99:99', '10:0', '24:00', '00:00', '12:00 AM', '13:00 PM', '1.2.3', 'v10:30', 'http://h:8080/10:00', '10.0.0.1', 'ABC-1234', '3:2'),
);

const duration = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${h}h ${m}m`),
  fc.integer({ min: 0, max: 9999 }).map((m) => `${m} minutes`),
  fc.tuple(fc.integer({ min: 0, max: 48 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${h} hours and ${m} minutes`),
  fc.integer({ min: 0, max: 99 }).map((h) => `~${h} hours`),
  fc.constantFrom('1.5 hours', 'PT2H30M', 'P1D', 'PT', 'lasted 45 minutes', '5 m', '2d 3h', 'about an hour', 'TBD', '??'),
  fc.tuple(timestamp, timestamp).map(([a, b]) => `From ${a} to ${b}`),
  fc.tuple(timestamp, timestamp).map(([a, b]) => `between ${a} and ${b}`),
);

const impactText = fc.oneof(
  fc.integer({ min: 0, max: 100 }).map((n) => `${n}% of users could not log in`),
  fc.integer({ min: 0, max: 10_000_000 }).map((n) => `${n.toLocaleString('en-US')} requests failed`),
  fc.integer({ min: 0, max: 1_000_000 }).map((n) => `about $${n.toLocaleString('en-US')} in orders were delayed`),
  fc.constantFrom('some users were affected', 'many customers saw errors', 'HTTP 503 errors for a while', '12 errors/min', '3 of 10 regions', '2.5k orders', 'XX% of traffic', '<n> users', 'Users were sad.', ''),
);

const words = fc.constantFrom(
  'the load balancer',
  'deploy',
  'rolled back',
  'alert fired',
  'paged on-call',
  'Impact begins',
  'Impact ends',
  'Detected',
  'Mitigated',
  'Resolved',
  'root cause identified',
  'engineer error',
  'should have known',
  'TODO',
  'TBD',
  '??',
  '@alice',
  'ABC-123',
  'v2.3.1',
  '10.0.0.1',
  'https://example.com/x?t=10:00',
  '`code 10:00`',
  '[link](http://x/10:00)',
  '**bold**',
  '_em_',
  'All times in PST',
  'Times are in UTC',
  'Time zone: Europe/Berlin',
  '😀',
  '🔥 10:00',
  '\u0000',
  '\u200b',
  '\u2028',
);

const sentence = fc.array(words, { minLength: 1, maxLength: 6 }).map((parts) => parts.join(' '));

/** Random junk: every kind of character, and Markdown punctuation soup. */
export const junk: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom('*', '_', '`', '[', ']', '(', ')', '#', '|', '-', '>', '!', '<', '\\', ' ', '~', ':', '1', 'a', '\t', '\n'), maxLength: 60 }),
  fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code)), maxLength: 4 }),
  fc.string({ unit: fc.integer({ min: 0, max: 31 }).filter((code) => code !== 13).map((code) => String.fromCharCode(code)), maxLength: 10 }),
);

const heading = fc
  .tuple(fc.integer({ min: 1, max: 6 }), fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...SECTION_NAMES) }, { weight: 1, arbitrary: sentence }), fc.constantFrom('atx', 'closed', 'numbered', 'emoji', 'setext', 'no-space', 'indented'))
  .map(([level, name, style]) => {
    switch (style) {
      case 'closed':
        return `${'#'.repeat(level)} ${name} ${'#'.repeat(level)}`;
      case 'numbered':
        return `${'#'.repeat(level)} ${level}. ${name}`;
      case 'emoji':
        return `${'#'.repeat(level)} ${name} 🔥`;
      case 'setext':
        return `${name}\n${level === 1 ? '===' : '---'}`;
      case 'no-space':
        return `${'#'.repeat(level)}${name}`;
      case 'indented':
        return `   ${'#'.repeat(level)} ${name}`;
      default:
        return `${'#'.repeat(level)} ${name}`;
    }
  });

const fieldLabel = fc.constantFrom('Duration', 'Impact', 'Start', 'End', 'Start time', 'Detected', 'Resolved', 'Mitigated', 'Severity', 'Status', 'Owner', 'Authors', 'Date', 'Incident date', 'Summary', 'Root cause', 'Trigger');
const fieldValue = fc.oneof(duration, timestamp, impactText, sentence, fc.constantFrom('SEV-2', 'draft', 'In Review', '@alice, @bob', '2024-04-10', ''));

const field = fc.tuple(fc.constantFrom('bold', 'bold-inside', 'list-bold', 'plain', 'underscore', 'list-nested'), fieldLabel, fieldValue, impactText).map(([shape, label, value, nested]) => {
  switch (shape) {
    case 'bold-inside':
      return `**${label}:** ${value}`;
    case 'list-bold':
      return `- **${label}**: ${value}`;
    case 'plain':
      return `${label}: ${value}`;
    case 'underscore':
      return `__${label}__: ${value}`;
    case 'list-nested':
      return `- **${label}**:\n  - ${nested}\n  - ${value}`;
    default:
      return `**${label}**: ${value}`;
  }
});

const entry = fc.tuple(fc.constantFrom('- ', '* ', '+ ', '1. ', '- [ ] ', '  - ', '    - ', ''), fc.constantFrom('', '**', '`'), timestamp, fc.constantFrom(': ', ' - ', ' – ', ' | ', ' ', ' — ', ':'), sentence).map(
  ([marker, wrap, time, separator, text]) => `${marker}${wrap}${time}${wrap}${separator}${text}`,
);

const timeline = fc
  .array(
    fc.oneof(
      { weight: 8, arbitrary: entry },
      { weight: 1, arbitrary: fc.constantFrom('**Detection**:', '**Actions Taken**:', '__Resolution__', '**Impact**:') },
      { weight: 1, arbitrary: isoDate.map((date) => `### ${date}`) },
      { weight: 1, arbitrary: sentence.map((text) => `  ${text}`) },
      { weight: 1, arbitrary: fc.constant('') },
    ),
    { minLength: 1, maxLength: 14 },
  )
  .map((lines) => lines.join('\n'));

const cell = fc.oneof(timestamp, sentence, impactText, fc.constantFrom('', '@owner', 'ABC-42', 'P1', 'prevent', 'done', '|'));
const table = fc
  .tuple(
    fc.constantFrom(['Time', 'Event'], ['Time (UTC)', 'What happened'], ['Action', 'Owner', 'Ticket', 'Priority'], ['Item', 'Type', 'Owner', 'Bug'], ['When', 'Who', 'What']),
    fc.array(fc.array(cell, { minLength: 0, maxLength: 5 }), { minLength: 0, maxLength: 6 }),
    fc.boolean(),
  )
  .map(([header, rows, torn]) => {
    const lines = [`| ${header.join(' | ')} |`, torn ? '| --- |' : `|${header.map(() => ' --- ').join('|')}|`];
    for (const row of rows) lines.push(`| ${row.join(' | ')} |`);
    return lines.join('\n');
  });

const actionItems = fc
  .array(
    fc.tuple(fc.constantFrom('- [ ] ', '- [x] ', '- ', '1. ', '* '), sentence, fc.constantFrom('', ' (owner: @alice)', ' @bob', ' ABC-123', ' — due 2024-05-01', ' [P1]')).map(([marker, text, tail]) => `${marker}${text}${tail}`),
    { minLength: 1, maxLength: 6 },
  )
  .map((lines) => lines.join('\n'));

const frontMatter = fc.oneof(
  fc.constant('---\ntype: postmortem\n---'),
  fc.tuple(isoDate, fc.constantFrom('SEV-1', 'sev2', '3')).map(([date, sev]) => `---\ntype: incident\ndate: ${date}\nseverity: ${sev}\nstatus: draft\n---`),
  fc.constant('---\npostmortem: false\n---'),
  fc.constant('---\n: : : [\n---'),
  fc.constant('---\ntype: postmortem'),
  fc.constant('---\n---'),
);

const codeFence = fc.tuple(fc.constantFrom('```', '~~~', '````', '```yaml'), sentence, timestamp, fc.boolean()).map(([fence, text, time, closed]) => `${fence}\n${time} ${text}\n## Timeline\n${closed ? fence.replace(/[a-z]+$/, '') : ''}`);

const html = fc.constantFrom(
  '<!-- postmortem-disable missing-duration -->',
  '<!-- postmortem-disable -->',
  '<!-- postmortem-enable -->',
  '<!-- postmortem-disable-next-line timeline-out-of-order -->',
  '<!-- postmortem-disable-line -->',
  '<!-- an unclosed comment',
  '<details>\n<summary>More</summary>\n\n- 10:00 hidden\n\n</details>',
  '<owner>',
  '<br>',
);

const block = fc.oneof(
  { weight: 6, arbitrary: heading },
  { weight: 4, arbitrary: sentence },
  { weight: 4, arbitrary: field },
  { weight: 5, arbitrary: timeline },
  { weight: 2, arbitrary: table },
  { weight: 2, arbitrary: actionItems },
  { weight: 1, arbitrary: codeFence },
  { weight: 1, arbitrary: html },
  { weight: 2, arbitrary: junk },
  { weight: 1, arbitrary: fc.constantFrom('', '---', '***', '> quoted 10:00 line', '> ## Impact', '    indented code 10:00', '\\', '[ref]: http://x') },
);

export interface GeneratedDocument {
  text: string;
  /** How the document was put together, for failure messages. */
  lineEnding: '\n' | '\r\n';
}

/** A whole postmortem-like document: optional front matter and title, then blocks, LF or CRLF, with or without a final newline. */
export const postmortemMarkdown: fc.Arbitrary<GeneratedDocument> = fc
  .record({
    frontMatter: fc.option(frontMatter, { nil: undefined }),
    title: fc.option(fc.constantFrom('# Postmortem: checkout outage', '# Incident report: login failures', '# RCA', 'Title\n=====', '# 😀 Postmortem ☕️'), { nil: undefined }),
    blocks: fc.array(block, { minLength: 0, maxLength: 16 }),
    separator: fc.constantFrom('\n\n', '\n'),
    lineEnding: fc.constantFrom<'\n' | '\r\n'>('\n', '\n', '\r\n'),
    finalNewline: fc.boolean(),
  })
  .map(({ frontMatter: front, title, blocks, separator, lineEnding, finalNewline }) => {
    const parts = [...(front === undefined ? [] : [front]), ...(title === undefined ? [] : [title]), ...blocks];
    let text = withoutLoneCarriageReturns(parts.join(separator));
    if (finalNewline) text += '\n';
    if (lineEnding === '\r\n') text = text.replace(/\r?\n/g, '\r\n');
    return { text, lineEnding };
  });

/** One edit of an existing document, as a person mid-edit makes them. */
export type Mutation =
  | { kind: 'delete-line' | 'duplicate-line'; at: number }
  | { kind: 'swap-lines'; at: number; other: number }
  | { kind: 'insert-line'; at: number; line: string }
  | { kind: 'delete-char' | 'duplicate-char'; at: number }
  | { kind: 'swap-chars'; at: number }
  | { kind: 'insert-char'; at: number; char: string };

const insertedLine = fc.oneof(entry, field, heading, sentence, junk, fc.constantFrom('', '```', '---', '|', '- ', '## ', '**', '<!--'));
const insertedChar = fc.oneof(
  fc.constantFrom('*', '_', '`', '[', ']', '(', ')', '#', '|', '-', '>', ':', ' ', '\n', '\r\n', '\t', '1', '0', '~', '<', '\\', '😀', '\u0000', '\ud83d'),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
);

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom<'delete-line' | 'duplicate-line'>('delete-line', 'duplicate-line'), at: fc.nat() }),
  fc.record({ kind: fc.constant<'swap-lines'>('swap-lines'), at: fc.nat(), other: fc.nat() }),
  fc.record({ kind: fc.constant<'insert-line'>('insert-line'), at: fc.nat(), line: insertedLine }),
  fc.record({ kind: fc.constantFrom<'delete-char' | 'duplicate-char'>('delete-char', 'duplicate-char'), at: fc.nat() }),
  fc.record({ kind: fc.constant<'swap-chars'>('swap-chars'), at: fc.nat() }),
  fc.record({ kind: fc.constant<'insert-char'>('insert-char'), at: fc.nat(), char: insertedChar }),
);

/**
 * A lone CR is a line break to LSP and to the Markdown parser but not to every
 * line index: it has its own test (hostile-input.test.ts), and is kept out of
 * the generated documents so that the properties explore everything else.
 */
export function withoutLoneCarriageReturns(text: string): string {
  return text.replace(/\r(?!\n)/g, '');
}

/** Applies mutations in order; positions wrap around the current text, so any number is valid. Lone CRs are dropped (see above). */
export function mutate(text: string, mutations: readonly Mutation[]): string {
  let current = text;
  for (const change of mutations) {
    if (change.kind === 'delete-char' || change.kind === 'duplicate-char' || change.kind === 'swap-chars' || change.kind === 'insert-char') {
      const at = current.length === 0 ? 0 : change.at % current.length;
      if (change.kind === 'insert-char') current = current.slice(0, at) + change.char + current.slice(at);
      else if (current.length === 0) continue;
      else if (change.kind === 'delete-char') current = current.slice(0, at) + current.slice(at + 1);
      else if (change.kind === 'duplicate-char') current = current.slice(0, at + 1) + current.slice(at);
      else current = current.slice(0, at) + current.slice(at + 1, at + 2) + current.slice(at, at + 1) + current.slice(at + 2);
      continue;
    }
    const lines = current.split('\n');
    const at = change.at % lines.length;
    if (change.kind === 'delete-line') lines.splice(at, 1);
    else if (change.kind === 'duplicate-line') lines.splice(at, 0, lines[at]!);
    else if (change.kind === 'insert-line') lines.splice(at, 0, change.line);
    else if (change.kind === 'swap-lines') {
      const other = change.other % lines.length;
      [lines[at], lines[other]] = [lines[other]!, lines[at]!];
    }
    current = lines.join('\n');
  }
  return withoutLoneCarriageReturns(current);
}
