// Lines built to make regular expressions backtrack: one short unit repeated
// until the line is long, then a character no pattern expects, so that every
// pattern that can fail late does. Shared by the regex budget test and the
// worker that builds the same lines on its side (strings are rebuilt there,
// not copied, so a terminated worker costs nothing to replace).

/** The units, each a piece of postmortem syntax or a character class the patterns lean on. */
export const ADVERSARIAL_UNITS: readonly string[] = [
  '1', // digits
  ':', // colons
  ' ', // spaces
  '\t',
  'a',
  'a ',
  '1 2 ',
  '1,',
  '1.',
  '1:',
  ', ',
  '-',
  '–',
  '(',
  '[',
  '*',
  '**',
  '__',
  '*a **b',
  '@a.',
  '~ ',
  '- ',
  '# ',
  '| ',
  '<a',
  '{{',
  '?',
  'X',
  '$1',
  'P1D',
  'some ',
  'around ',
  'from 10:00 to ',
  '10:00 ',
  '10:00 - ',
  '2024-01-01 10:00 ',
  'Jan 1 ',
  '1h ',
  '1 hour and ',
  '1 of ',
  'TODO ',
  'all times in ',
];

/** At least this many repetitions of the unit… */
export const MIN_REPETITIONS = 50_000;
/** …and at least this many characters in the line. */
export const MIN_LINE_LENGTH = 100_000;
/** What ends every adversarial line: no pattern expects it, so anchored and greedy ones fail at the very end. */
export const LINE_END = '!';

export function repetitionsOf(unit: string): number {
  return Math.max(MIN_REPETITIONS, Math.ceil(MIN_LINE_LENGTH / unit.length));
}

/** The adversarial line for a unit: ≥ 50,000 repetitions and ≥ 100,000 characters, then "!". */
export function adversarialLine(unit: string): string {
  return unit.repeat(repetitionsOf(unit)) + LINE_END;
}

/** How a unit is shown in messages: JSON, so tabs and spaces are visible. */
export function describeUnit(unit: string): string {
  return `${JSON.stringify(unit)} × ${repetitionsOf(unit).toLocaleString('en-US')} + "${LINE_END}"`;
}
