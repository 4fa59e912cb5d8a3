import type { Rule } from './types.js';

/**
 * The document leaves a date or zone open and the engine had to read it one
 * way: numeric dates that are either way round, IST with nothing saying which
 * IST, a standard-time abbreviation written in summer. Said once each.
 */
export const ambiguousDateReading: Rule = {
  id: 'ambiguous-date-reading',
  description: 'Dates or a zone the document leaves open (06/05/2022 either way round; IST; EST in July), read one way: said once, so readers can check.',
  defaultSeverity: 'info',
  check(context) {
    return context.dating.notes.map((note) => ({ message: note.message, range: note.range }));
  },
};
