// An impact statement a reader would not ask numbers of: the potential impact
// of a vulnerability nobody exploited ("An attacker could have …"), or a plain
// statement that nothing was affected ("No customer data was exposed").
// Pure: the statement's text in (label or heading first), a verdict out.

// "## Potential Impact", "Possible impact:", "Worst-case impact".
const HYPOTHETICAL_LABEL = /^[^\n]{0,40}\b(?:potential|possible|hypothetical|theoretical|worst[- ]case|would-be)\b[^\n]{0,30}\bimpact\b/i;
// A sentence about what could have happened, not what did.
const HYPOTHETICAL =
  /\b(?:would(?:n['’]t| not)? have|could have|might(?: have)?|may have|would (?:be|allow|let|enable|show|result|cause|lead|give|permit|expose)|could (?:allow|let|enable|be used|lead|result|cause|potentially|expose|permit)|potentially|in theory|theoretically|if (?:an?|the) (?:attacker|adversary|malicious))\b/i;
// A sentence that says nothing was affected.
const NOTHING =
  /\b(?:no (?:(?:known|actual|real|customer|user|client|production|external|end-user|financial)\s+)?(?:impact|data|funds|users?|customers?|clients?|losses)\b|(?:was|were|has been|have been) not (?:exploited|affected|impacted|used|abused)|no evidence|never exploited|not exploited|nothing was (?:lost|affected|exposed))/i;

const SENTENCE = /[^.!?\n]+(?:[.!?]+(?=\s|$)|$)/g;
// A heading or a label line ("## Impact", "**Impact:**"), trimmed.
const LABEL_LINE = /^(?:#{1,6}\s|(?:\*\*|__)?[\w()/&'-][\w ()/&'-]{0,59}(?:\*\*|__)?:?(?:\*\*|__)?$)/;
// Where a sentence turns: "…, but …", "; ", ", however, ". A run of spaces is matched from its first.
const CLAUSE_BREAK = /(?:,\s*|(?<![\s,])\s+)(?:but|although|though|while|yet)\s+|;\s*|,\s*however,?\s*/i;

/** Whether the statement has nothing to count: a hypothetical label, or only hypothetical or "nothing happened" sentences. */
export function nothingToCount(statement: string): boolean {
  if (HYPOTHETICAL_LABEL.test(statement)) return true;
  // The label or heading line says what the part is, not what happened.
  const body = statement.replace(/^[^\n]*(?:\n|$)/, (line) => (LABEL_LINE.test(line.trim()) ? '' : line));
  // Clauses, so that "No data was lost, but the dashboard was slow" keeps what did happen.
  const clauses = (body.match(SENTENCE) ?? [])
    .flatMap((sentence) => sentence.split(CLAUSE_BREAK))
    .map((clause) => clause.trim())
    .filter((clause) => /[a-z]{3}/i.test(clause));
  return clauses.length > 0 && clauses.every((clause) => HYPOTHETICAL.test(clause) || NOTHING.test(clause));
}
