// Hostile documents, built from a name so that a worker can make its own copy:
// binary junk, NUL bytes, pathological nesting, emphasis and link syntax,
// huge tables and timelines. And the contexts an adversarial line is put in.

/** A deterministic pseudo-random generator (mulberry32), so every run builds the same junk. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A small, complete postmortem whose last section is the timeline, so that what is appended lands in it. */
export const HOSTILE_HEAD =
  '# Postmortem: hostile input\n\n**Duration**: 1h 5m\n\n## Summary\n\nThe checkout API failed.\n\n## Impact\n\n5% of users could not pay.\n\n## Root Cause\n\nA bad config push.\n\n## Action Items\n\n- [ ] Add a config check (owner: @alice) ABC-1\n\n## Timeline\n\n- 10:00 UTC impact begins\n- 11:05 UTC resolved\n';
const HEAD = HOSTILE_HEAD;

/** Binary junk: every UTF-16 code unit from a seeded generator, lone surrogates and NULs included. */
function binaryJunk(length: number, seed: number): string {
  const next = random(seed);
  const units = new Uint16Array(length);
  for (let i = 0; i < length; i++) {
    const roll = next();
    // Mostly bytes, as a binary file read as text; some newlines so there are lines; some anything.
    units[i] = roll < 0.02 ? 10 : roll < 0.9 ? Math.floor(next() * 256) : Math.floor(next() * 0x10000);
  }
  let text = '';
  for (let i = 0; i < length; i += 8192) text += String.fromCharCode(...units.subarray(i, i + 8192));
  return text;
}

/** The hostile documents by name, each with what it is for the report. */
export const HOSTILE_DOCUMENTS: Readonly<Record<string, { describe: string; build: () => string }>> = {
  'binary-junk': { describe: '500 kB of binary junk (random code units, 90% bytes, lone surrogates, NULs)', build: () => binaryJunk(500_000, 1) },
  'binary-after-postmortem': { describe: 'a postmortem followed by 200 kB of binary junk', build: () => HEAD + binaryJunk(200_000, 2) },
  'nul-bytes': { describe: 'a postmortem with NUL bytes inside its lines and 100,000 NULs after it', build: () => HEAD.replace(/ /g, ' \u0000') + '\u0000'.repeat(100_000) },
  'long-line': { describe: 'a timeline entry 100,000 characters long', build: () => `${HEAD}- 11:30 UTC ${'word '.repeat(20_000)}\n` },
  'long-line-no-spaces': { describe: 'a 100,000-character line with no spaces in the timeline', build: () => `${HEAD}- 11:30 ${'x'.repeat(100_000)}\n` },
  'nested-lists-10000': { describe: '10,000 nested list levels ("- " × 10,000) in the timeline', build: () => `${HEAD}${'- '.repeat(10_000)}12:00 deep\n` },
  'nested-ordered-lists-10000': { describe: '10,000 nested ordered lists ("1. " × 10,000)', build: () => `${HEAD}${'1. '.repeat(10_000)}12:00 deep\n` },
  'nested-blockquotes-10000': { describe: '10,000 nested block quotes (">" × 10,000)', build: () => `${HEAD}${'>'.repeat(10_000)} 12:00 deep\n` },
  'nested-indented-lists-700': {
    describe: '700 nested list levels, one per line, each indented two more spaces (490 kB)',
    build: () => HEAD + Array.from({ length: 700 }, (_, depth) => `${'  '.repeat(depth)}- 12:${String(depth % 60).padStart(2, '0')} level ${depth}`).join('\n'),
  },
  'emphasis-50000': { describe: '"*a **b" × 50,000 (unclosed emphasis)', build: () => `${HEAD}${'*a **b'.repeat(50_000)}\n` },
  'underscores-50000': { describe: '"_a __b" × 50,000', build: () => `${HEAD}${'_a __b'.repeat(50_000)}\n` },
  'brackets-50000': { describe: '"[" × 50,000', build: () => `${HEAD}${'['.repeat(50_000)}\n` },
  'link-openers-50000': { describe: '"[a](" × 50,000 (unclosed link destinations)', build: () => `${HEAD}${'[a]('.repeat(50_000)}\n` },
  'image-openers-50000': { describe: '"![" × 50,000', build: () => `${HEAD}${'!['.repeat(50_000)}\n` },
  'backticks-50000': { describe: '"`a``" × 50,000 (code span openers)', build: () => `${HEAD}${'`a``'.repeat(50_000)}\n` },
  'html-openers-50000': { describe: '"<a " × 50,000', build: () => `${HEAD}${'<a '.repeat(50_000)}\n` },
  'table-10000-columns': { describe: 'a timeline table with 10,000 columns', build: () => `${HEAD}\n| Time ${'| x '.repeat(10_000)}|\n|---${'|---'.repeat(10_000)}|\n| 12:00 ${'| y '.repeat(10_000)}|\n` },
  'headings-50000': { describe: '50,000 "## Timeline" headings', build: () => HEAD + '## Timeline\n'.repeat(50_000) },
  'timeline-10000-entries': {
    describe: 'one timeline of 10,000 entries',
    build: () => HEAD + Array.from({ length: 10_000 }, (_, i) => `- ${String(Math.floor(i / 60) % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} UTC step ${i}`).join('\n'),
  },
  'separate-lists-5000': {
    describe: '5,000 one-item lists, each followed by a paragraph (200 kB)',
    build: () => HEAD + Array.from({ length: 5000 }, (_, i) => `- 12:${String(i % 60).padStart(2, '0')} item ${i}\n\nnote ${i}\n`).join('\n'),
  },
  'action-items-10000': { describe: '10,000 action items', build: () => HEAD + '\n## Follow-ups\n\n' + Array.from({ length: 10_000 }, (_, i) => `- [ ] Improve thing ${i}`).join('\n') },
};

/**
 * A benign postmortem of about 100 kB (sections, fields, a long timeline, prose,
 * a table, action items): the yardstick that analysis budgets are set from, so
 * that they follow the machine's speed and load.
 */
export function calibrationDocument(): string {
  const parts = [HEAD];
  for (let i = 0; parts.join('').length < 100_000; i++) {
    const time = `${String(10 + Math.floor(i / 60) % 12).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`;
    parts.push(
      `- ${time} UTC the on-call engineer checked dashboard ${i}, saw 4.7% errors on checkout and paged @team-${i % 7} (ABC-${i})\n`,
      i % 25 === 0 ? `\n### Day ${i / 25}\n\nThe team met at ${time} to review what was known. Latency was high; some users retried.\n\n| Time | Event |\n| --- | --- |\n| ${time} | rollback ${i} |\n\n` : '',
    );
  }
  return parts.join('');
}

export function hostileDocument(name: string): string {
  const recipe = HOSTILE_DOCUMENTS[name];
  if (!recipe) throw new Error(`no hostile document named ${name}`);
  return recipe.build();
}

/** Where an adversarial line goes in a small postmortem. */
export type LineContext = 'timeline-entry' | 'impact' | 'summary' | 'heading' | 'timeline-table' | 'action-item';

export const LINE_CONTEXTS: readonly LineContext[] = ['timeline-entry', 'impact', 'summary', 'heading', 'timeline-table', 'action-item'];

/** The line replaces a part of the small postmortem (a function replacement, so "$1" in the line stays literal). */
export function lineInContext(line: string, context: LineContext): string {
  switch (context) {
    case 'timeline-entry':
      return HEAD.replace('- 11:05 UTC resolved', () => `- 10:30 UTC ${line}\n- 11:05 UTC resolved`);
    case 'impact':
      return HEAD.replace('5% of users could not pay.', () => line);
    case 'summary':
      return HEAD.replace('The checkout API failed.', () => line);
    case 'heading':
      return `${HEAD}\n## ${line}\n\ntext\n`;
    case 'timeline-table':
      return `${HEAD}\n| Time (UTC) | Event |\n| --- | --- |\n| 12:00 | ${line} |\n| ${line} | x |\n`;
    case 'action-item':
      return HEAD.replace('- [ ] Add a config check (owner: @alice) ABC-1', () => `- [ ] ${line}\n- [ ] Investigate ${line}`);
  }
}
