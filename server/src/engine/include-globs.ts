import picomatch from 'picomatch';

/**
 * Include globs come from the workspace (settings, .postmortemrc) and picomatch
 * turns each into a backtracking regular expression run on every analysis.
 * `*a*a*a*b.md` costs seconds on a long file name; three stars in one path
 * segment cost at most tens of milliseconds on a 4 KB path, four cost
 * seconds. So a glob may have at most three `*` in a segment, four `**`,
 * no extglob (`+(…)` repeats a group) and 512 characters; a list at most 64
 * globs. The others are refused by name where they are read and never run.
 */
export const GLOB_LIMITS = { stars: 3, globstars: 4, length: 512, count: 64 } as const;

/** Why a glob is refused, or null when it may run. */
export function globProblem(glob: string): string | null {
  if (glob.length > GLOB_LIMITS.length) return `the glob is longer than ${GLOB_LIMITS.length} characters`;
  if (/[*+?@!]\(/.test(glob)) return `the glob "${glob}" uses an extglob such as +(…) or *(…), which is not supported here`;
  let globstars = 0;
  for (const segment of glob.split('/')) {
    if (segment === '**') {
      globstars++;
      continue;
    }
    const stars = segment.replace(/\\./g, '').match(/\*+/g)?.length ?? 0;
    if (stars > GLOB_LIMITS.stars) return `the glob "${glob}" has ${stars} wildcards in one part (at most ${GLOB_LIMITS.stars}: more make matching a file name take seconds)`;
  }
  if (globstars > GLOB_LIMITS.globstars) return `the glob "${glob}" has ${globstars} "**" parts (at most ${GLOB_LIMITS.globstars})`;
  return null;
}

type Matcher = (path: string) => boolean;
// Per list of globs, which belongs to one settings object (a list changes with settings, not with keystrokes).
const matchers = new WeakMap<readonly string[], Matcher>();

/** One matcher for a list of globs, compiled once; refused globs are left out. */
function matcherFor(globs: readonly string[]): Matcher {
  let matcher = matchers.get(globs);
  if (!matcher) {
    matcher = buildMatcher(globs);
    matchers.set(globs, matcher);
  }
  return matcher;
}

function buildMatcher(globs: readonly string[]): Matcher {
  const safe = globs.slice(0, GLOB_LIMITS.count).filter((glob) => globProblem(glob) === null);
  try {
    return safe.length > 0 ? picomatch(safe, { dot: true, nocase: true }) : () => false;
  } catch {
    // picomatch throws on some malformed globs; such a list matches nothing rather than stopping the analysis.
    return () => false;
  }
}

/**
 * Whether a document path matches the include globs. A config file's globs
 * are relative to its folder (`base`): a path under it is matched as written
 * from there too, so `reports/**` means the config's reports folder.
 */
export function matchesInclude(path: string, globs: readonly string[], base?: string): boolean {
  if (globs.length === 0) return false;
  const slashed = path.replace(/\\/g, '/');
  const matcher = matcherFor(globs);
  if (matcher(slashed)) return true;
  if (base === undefined) return false;
  const folder = base.replace(/\\/g, '/').replace(/\/+$/, '');
  const prefix = `${folder}/`;
  const caseless = /^[a-z]:/i.test(folder);
  const under = caseless ? slashed.toLowerCase().startsWith(prefix.toLowerCase()) : slashed.startsWith(prefix);
  return under && matcher(slashed.slice(prefix.length));
}
