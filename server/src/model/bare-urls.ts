// Bare URLs and e-mail addresses in running text, found the way GitHub
// finds its literal autolinks ("https://…", "www.…", "name@host.tld"), so
// that prose rules do not read a URL's path or query as words or times. The
// parser does not make them links (see gfm-parse.ts): this runs only on text
// that can hold one.

const URL_START = /(?<![\da-z])(https?:\/\/|www(?=\.))([\w-]*\.[\w\-.]*)([^\t\n\r ]*)/gi;
const EMAIL = /(?<![\w+\-.]|(?:^|[^\d@A-Za-z])(?:mailto|xmpp):)(?:(?:mailto|xmpp):)?([\w+\-.]+)@([\w-]+(?:\.[\w-]+)+)/g;
// Characters a URL does not end with: the sentence's, not the link's.
const TRAILING = new Set('!"&\')),.:;<>?]}');
const PUNCTUATION_OR_SPACE = /[\s\p{P}\p{S}]/u;

/** Whether text may hold a bare URL or address: most blocks do not, and skip the patterns. */
export function mayHoldBareUrl(text: string): boolean {
  return text.includes('://') || text.includes('@') || /www\./i.test(text);
}

/** [from, to) of each bare URL and e-mail address in `text`. */
export function bareUrlSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  URL_START.lastIndex = 0;
  for (let match = URL_START.exec(text); match !== null; match = URL_START.exec(text)) {
    const before = match.index === 0 ? '' : text[match.index - 1]!;
    if (before !== '' && !PUNCTUATION_OR_SPACE.test(before)) continue;
    const protocol = match[1]!;
    const domain = /^w/i.test(protocol) ? protocol + match[2]! : match[2]!;
    if (/^[\p{P}\p{S}]/u.test(domain) || !isDomain(domain)) continue;
    const kept = keptLength(match[0]);
    spans.push([match.index, match.index + kept]);
  }
  EMAIL.lastIndex = 0;
  for (let match = EMAIL.exec(text); match !== null; match = EMAIL.exec(text)) {
    if (/[\d\-_]$/.test(match[2]!)) continue;
    const [from, to] = [match.index, match.index + match[0].length];
    if (!spans.some(([start, end]) => from < end && to > start)) spans.push([from, to]);
  }
  return spans;
}

// The last two labels of a host hold a letter or digit and no underscore.
function isDomain(domain: string): boolean {
  const labels = domain.split('.');
  if (labels.length < 2) return false;
  for (const label of labels.slice(-2)) if (label && (label.includes('_') || !/[\dA-Za-z]/.test(label))) return false;
  return true;
}

/** How much of a candidate is the URL: trailing punctuation goes, except closing parentheses that balance opening ones inside it. */
function keptLength(candidate: string): number {
  let end = candidate.length;
  while (end > 0 && TRAILING.has(candidate[end - 1]!)) end--;
  if (end === candidate.length) return end;
  let opened = 0;
  let closed = 0;
  for (let i = 0; i < end; i++) {
    if (candidate[i] === '(') opened++;
    else if (candidate[i] === ')') closed++;
  }
  // Take back each ")" of the trail (with what precedes it) while an opened one is unclosed.
  let trail = candidate.slice(end);
  while (opened > closed) {
    const paren = trail.indexOf(')');
    if (paren === -1) break;
    end += paren + 1;
    trail = trail.slice(paren + 1);
    closed++;
  }
  return end;
}
