import { RE2JS } from 're2js';

/**
 * A section pattern from a team's template file. It is the workspace's
 * regular expression, so it runs in RE2JS, whose matching time is linear in
 * the heading's length: `^(a|a)+$` against 35 a's and a "!" takes
 * microseconds there and minutes in a backtracking engine. It is kept as its
 * source (a plain object crosses to the analysis worker intact) and compiled
 * once per source where it is used.
 */
export interface UserPattern {
  userPattern: string;
}

/** Patterns longer than this are refused: a heading pattern is a few words. */
const MAX_PATTERN_LENGTH = 1000;

// Per pattern object, which belongs to one template read from one config: compiled once, dropped with it.
const compiled = new WeakMap<UserPattern, RE2JS>();

function compile(source: string): RE2JS {
  return RE2JS.compile(source, RE2JS.CASE_INSENSITIVE);
}

function compiledPattern(pattern: UserPattern): RE2JS {
  let found = compiled.get(pattern);
  if (!found) {
    found = compile(pattern.userPattern);
    compiled.set(pattern, found);
  }
  return found;
}

/** Why a pattern cannot be used (its syntax, or what only a backtracking engine can run), or null. */
export function userPatternProblem(source: string): string | null {
  if (source.length > MAX_PATTERN_LENGTH) return `the pattern is longer than ${MAX_PATTERN_LENGTH} characters`;
  try {
    compile(source);
    return null;
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^error parsing regexp: /, '') : String(error);
    return `the pattern "${source}" cannot be used (${reason}); patterns run in a linear-time engine (RE2 syntax: no back-references or look-around)`;
  }
}

/** Whether a heading matches: RE2 for a user pattern (one that does not compile matches nothing), the engine's own RegExp for built-in templates. */
export function headingMatches(pattern: RegExp | UserPattern | undefined, heading: string): boolean {
  if (pattern === undefined) return false;
  if (pattern instanceof RegExp) return pattern.test(heading);
  try {
    return compiledPattern(pattern).matcher(heading).find();
  } catch {
    return false;
  }
}
