// Whether an action item says what will change, read the way a reviewer reads
// it. Pure: the item's words in, a verdict out (no model, no options).
//
// Concrete: a number or threshold, a file, setting or identifier, a cadence
// ("nightly", "on every deploy") or a mechanism ("by adding …", "page when …",
// "to include …", "such as …"). Vague: a wish with no such thing ("Improve
// team response time", "Enhance documentation", "Optimize the process"),
// attention asked of people ("be more careful", "keep an eye on",
// "triple-check"), a hedge ("Consider …", "maybe"), work that names nothing
// ("Initiate follow-up actions", "fix it"), or a frequency nobody can schedule
// ("every now and then"). A statement ("The team responded quickly") has no
// imperative head and is left alone.

export type VagueKind = 'attention' | 'aspiration' | 'watch' | 'hedge' | 'empty' | 'frequency';

export interface Vagueness {
  kind: VagueKind;
  /** The words that make the item vague, as written. */
  cue: string;
}

/** Items are short; a long paragraph is read up to here (and every pattern stays linear on it). */
const MAX_CHARS = 600;

// ---- cleaning ------------------------------------------------------------------------------

// Bookkeeping beside the words: links, owners, handles, ticket keys, checkboxes, emphasis.
const URLS = /\bhttps?:\/\/\S+/g;
const BOOKKEEPING = /\((?:owner|owners|assignee|ticket|due)\s*:[^()]{0,80}\)|(?<![\w.])@[\w.-]+|\b[A-Z][A-Z0-9]+-\d+\b|(?<![\w&])#\d+\b/gi;
const EMPHASIS = /\*+|(?<!\w)__|__(?!\w)|~~/g;
// What each of those needs: "(", "@" or "#", or a dash before a digit (a ticket key); "*", "_" or "~".
const MAYBE_BOOKKEEPING = /[(@#]|-\d/;
const MAYBE_EMPHASIS = /[*_~]/;
// "4:15 PM:", "10:00 -": a time in front of the item (the genre's timed task lists).
const TIME_PREFIX = /^\d{1,2}[:.]\d{2}\s?(?:[ap]\.?m\.?)?\s?(?:\(?[A-Z]{2,5}\)?\s?)?[:\-–—]\s*/i;
// "Task 1:", "(Already planned)", "[P1]", "✅": marks in front of the words.
const MARK_PREFIX = /^(?:(?:task|step|action|item)\s?#?\d{1,3}\s?[:.)\-–—]\s*|\((?:already )?(?:planned|proposed|optional|ongoing|new|p[0-4])\)\s*|\[(?:p[0-4]|high|medium|low)\]\s*|[^\p{L}\p{N}(`]{1,4}\s+)/iu;
// "Configuration Audit: …", "Better Monitoring: …": a short title before the item's own sentence.
const LABEL = /^([\p{L}][\p{L}\p{N}/&'’ -]{0,48}?):\s+(?=\S)/u;

const TRAILING_DASH = /(?<!\s)\s+[—–-]+\s*$/;

/** The item's own words, without bookkeeping, marks or a title. */
export function itemWords(raw: string): string {
  // Most items hold no link, no bookkeeping and no emphasis: a character test skips each pattern's scan.
  let text = raw.slice(0, MAX_CHARS);
  if (text.includes('http')) text = text.replace(URLS, ' ');
  if (MAYBE_BOOKKEEPING.test(text)) text = text.replace(BOOKKEEPING, ' ');
  if (MAYBE_EMPHASIS.test(text)) text = text.replace(EMPHASIS, '');
  text = text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\[[ xX]\]\s*/, '');
  for (let i = 0; i < 3; i++) {
    const next = text.replace(TIME_PREFIX, '').replace(MARK_PREFIX, '').trim();
    if (next === text) break;
    text = next;
  }
  // The title's colon is the first one, within its 49 characters.
  const colon = text.indexOf(':');
  const label = colon >= 1 && colon <= 49 ? LABEL.exec(text) : null;
  // A title has at most six words; "Improve the p99 alert: page when …" keeps its concrete part after the colon.
  if (label && label[1]!.split(' ').length <= 6) text = text.slice(label[0].length);
  // A dash left at the end ("Add alerts —" before an owner): only a text with a dash can have one.
  return (text.includes('-') || text.includes('—') || text.includes('–') ? text.replace(TRAILING_DASH, '') : text).trim();
}

// ---- what makes an item concrete ------------------------------------------------------------

const NUMBER = /\d/;
// A file, path, setting or identifier: wp-config.php, /etc/nginx, max_connections, terminationGracePeriodSeconds.
const IDENTIFIER =
  /\b[a-z][a-z0-9]*_[a-z0-9_]+\b|\b[a-z]+[A-Z][A-Za-z0-9]+\b|\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b|\b[\w-]+\.(?:php|conf|config|cfg|ya?ml|json|js|ts|py|sh|rb|go|ini|toml|xml|sql|service|tf|env|lock|pp)\b|(?:^|\s)~?\/[\w.-]+\/[\w./-]*/;
const CADENCE =
  /\b(?:daily|nightly|weekly|biweekly|fortnightly|monthly|quarterly|hourly|yearly|annually|every (?:day|night|week|month|quarter|sprint|release|deploy(?:ment)?|commit|merge|push|build|morning|hour|minute|weekday)|(?:on|before|after|with|at|for) (?:every|each) [a-z][a-z-]*|per (?:deploy(?:ment)?|release|commit))\b/i;
// How the change works: "by adding …", "using …", "page when …", "to include …", "such as …".
const MECHANISM =
  /\b(?:by (?!being\b|doing\b)[a-z]+ing\b|using \w|via \w|through (?:a|an) \w|(?:alert|alerts|page|pages|paging|alerting|notify|notifies|fail|fails|block|blocks|reject|rejects) (?:the \w+ )?(?:when|if|whenever)\b|(?:such as|e\.g\.|for example|for instance|including) \S|to (?:include|add|cover|run|use|require|block|reject|page|check for|validate|verify|enforce|cap|limit|retry|fail|alert on|test) (?!(?:more|better|improved|enhanced|additional|extra|stronger|comprehensive|robust)\b)\w|with (?:a|an) (?:[\w-]+ ){0,3}(?:check|test|alert|gate|hook|job|step|script|rule|limit|timeout|canary|linter|lint|checklist|runbook|playbook|dashboard|probe|threshold))/i;

// What an identifier needs: "_", "/", a dot before a lower-case extension, or camelCase.
const MAYBE_IDENTIFIER = /[_/]|\.[a-z]|[a-z][A-Z]/;

/** A number, an identifier or a code span: the words name something exact. */
function worded(text: string, code: boolean): boolean {
  return code || NUMBER.test(text) || (MAYBE_IDENTIFIER.test(text) && IDENTIFIER.test(text));
}

// ---- what makes an item vague ----------------------------------------------------------------

// Cues that stay vague whatever else the item says: attention asked of people, and frequencies nobody can schedule.
const ATTENTION =
  /\b(?:be (?:more |extra |very |a lot more )?(?:careful|vigilant|cautious|mindful|diligent|attentive)|pay (?:more |closer |close |extra )?attention|(?:double|triple)[- ]check(?:ing)?\b|keep (?:a (?:close |closer |watchful )?|an )eye on|stay (?:vigilant|alert|on top of)|make (?:a )?(?:pact|promise|pledge|vow)\b|try harder|do better next time|communicate better|better communicate|work (?:harder|more) on)\b/i;
// "The incident revealed opportunities to improve …", "brainstorm ways to prevent …": a search for a plan, not a plan
// (not "schedule reviews to identify areas for improvement", where the reviews are the plan).
const NO_PLAN_YET =
  /\b(?:revealed|reveals|showed|shows|highlighted|highlights|exposed|there (?:are|is)|we see|offers|offered)\s+(?:some\s+|several\s+|many\s+|clear\s+)?(?:opportunities|room|areas|ways) (?:to|for) (?:improve|improvement|do better)\b|\bbrainstorm (?:ways|ideas|solutions|options)\b/i;
// "Developers are reviewing the process for …": work described as under way, with nothing to deliver.
const UNDER_REVIEW =
  /\b(?:are|is|will be|we['’]re)\s+(?:currently\s+|also\s+)?(?:reviewing|looking into|investigating|evaluating|considering|exploring|assessing|revisiting)\s+(?:the\s+|our\s+|its\s+|their\s+)?(?:[a-z-]+\s+){0,2}?(?:process|processes|procedures?|options|ways|approach|approaches|practices|policies)\b/i;
const FREQUENCY = /\b(?:every (?:now and then|once in a while)|from time to time|once in a while|now and then)\b/i;

// What a reader takes off the front: "We will", "The team must", "Going forward,".
const LEAD_IN =
  /^(?:(?:also|additionally|furthermore|further|going forward|moving forward|in the future|from now on|finally|next|then)\s?,?\s+|(?:we|i|you|the team|our team|the [\w-]+ team|everyone|engineers|developers)\s+(?:will|shall|must|should|need to|needs to|have to|has to|are going to|is going to|plan to|plans to|intend to|want to|would like to|are to|is to|'ll|’ll)\s+|(?:we|i)['’]ll\s+|let['’]s\s+|to\s+(?=[a-z]))/i;

// The verbs that lead an item, joined by "and" or commas: "Review and optimize", "Document and think about".
const HEAD_VERBS = /^((?:[a-z][a-z-]*(?: up| on| into| about| at| to)?)(?:(?:,\s?|\s(?:and|&|or)\s)(?:[a-z][a-z-]*(?: up| on| into| about| at)?)){0,3})\b/i;

// Wishes, whatever follows: vague unless the item says how.
const ASPIRATION_VERB =
  /^(?:improve|enhance|optimi[sz]e|strengthen|bolster|boost|refine|streamline|fine-tune|tighten|tighten up|revamp|overhaul|rethink|modernize|beef up|step up|level up|tune|monitor|reinforce)$/i;
// "Increase test coverage" is a wish; "Increase the connection pool size" is a change (only its number is missing).
const MORE_OF_A_QUALITY =
  /^(?:increase|expand|broaden|deepen|elevate|boost|maximi[sz]e|minimi[sz]e)\s+(?:the\s+|our\s+|its\s+)?(?:[a-z-]+\s+)?(?:coverage|visibility|observability|awareness|reliability|resilience|robustness|redundancy|monitoring|alerting|testing|tests|security|quality|efficiency|performance|downtime|impact|risk|collaboration|communication|documentation)\b/i;
// A wish aimed at one named piece of code is an engineering task: "Optimize the slow query on the orders page".
const NAMED_PIECE = /^[a-z-]+\s+the\s+(?:[\w-]+\s+){0,3}?(?:query|queries|endpoint|index|function|handler|script|migration|dockerfile|regex|cron job|health check|timeout|retry loop)(?=\s+(?:on|in|of|for|that|which|behind|at|to|used)\b|[.,;:]|$)/i;
// Not a commitment.
const HEDGE_VERB = /^(?:consider|look into|look at|think about|explore|try to|attempt to|aim to|strive to|hope to|endeavou?r to|work on)$/i;
const HEDGE_WORD = /\b(?:maybe|perhaps|hopefully|if possible|where possible|when possible|ideally)\b/i;
// "Regularly update and patch all software components": no cadence, no mechanism.
const VAGUE_ADVERB = /^(?:regularly|periodically|continuously|constantly|continually|proactively|routinely|frequently)\s+[a-z]/i;
const CONTINUE = /^(?:continue|keep)\s+(?:to\s+)?(?:monitor|monitoring|watch|watching|observe|observing|review|reviewing|check|checking|improve|improving|work|working|look|looking|track|tracking|evaluate|evaluating|assess|assessing|iterate|iterating|learn|learning)\b/i;

// "Ensure all servers are compatible", "Make sure this never happens again": a state wished for, not a change.
const ENSURE_STATE =
  /^(?:ensure|make sure|guarantee)\s+(?:that\s+)?(?:[\w'’/-]+\s+){0,8}?(?:is|are|be|remain|remains|stay|stays|get|gets|will be)\s+(?:always\s+|fully\s+|properly\s+|correctly\s+|now\s+)?(?:correct(?:ly)?|proper(?:ly)?|compatible|secure(?:d)?|up[- ]to[- ]date|patched|consistent|accurate|working|functional|operational|healthy|stable|reliable|robust|ready|safe|optimal|sufficient|adequate|in place|in order|fine|good|valid|configured|well[- ][a-z]+|running (?:smoothly|well|properly|correctly))\b/i;
const ENSURE_QUALITY =
  /^(?:ensure|make sure|guarantee)\s+(?:that\s+)?(?:the\s+|a\s+)?(?:timely|proper|smooth|smoother|better|optimal|high|higher|continuous|consistent|seamless|adequate|sufficient|maximum|minimal|full|complete|correct|reliable|faster|quicker)\s+[a-z]/i;
const NEVER_AGAIN =
  /^(?:ensure|make sure|guarantee)\s+(?:that\s+)?(?:this|it|such|similar|the same)\s+(?:[a-z]+\s+){0,2}?(?:does not|doesn't|doesn’t|never|will not|won't|won’t|cannot|can't|can’t|is not|isn't)\s+(?:\w+\s+)?(?:happen|occur|recur|repeat)/i;

// Work that names nothing: "Initiate follow-up actions", "Take the necessary measures".
const EMPTY_WORK =
  /^(?:take|implement|make|initiate|apply|perform|carry out|start|begin|do|execute|follow up on|plan|define|identify|determine|put in place)\s+(?:the\s+|all\s+|any\s+|some\s+|more\s+)?(?:necessary|appropriate|needed|required|relevant|follow-?up|corrective|preventive|preventative|further|additional|proper|remedial|suitable|possible|next)?\s?(?:actions?|measures|steps|changes|modifications|improvements|fixes|adjustments|tasks|work|items)\b(?!\s+(?:above|below|listed|described|outlined|that follow))/i;
const IMPROVEMENT_AREAS = /^(?:identify|find|explore|look for|seek)\s+(?:the\s+)?(?:areas|opportunities|ways|room)\s+(?:for|to)\s+(?:improvement|improve)/i;
// "fix it", "solve the problem", "correct it if it's wrong": at the end of the item.
const FIX_IT_WORDS = String.raw`\b(?:fix|solve|correct|resolve|address|handle|sort out)\s+(?:it|them|this|that|everything|things|the (?:problem|issue|issues|error|errors|bug|bugs)|any (?:problems?|issues?|errors?|bugs?))(?: out| up)?`;
const FIX_IT = new RegExp(String.raw`${FIX_IT_WORDS}(?:\s+(?:if|when|as)\s+[^.!?]{0,60})?\s*[.!]?$`, 'i');
// "Test before deploying": a check with no object.
const BARE_CHECK = /^(?:always\s+)?(?:test|check|verify|validate)\s+(?:everything\s+)?(?:before|after|prior to|when|whenever)\b/i;

// A wish for more or better of something, as a noun phrase: "More monitoring for …", "Better dashboards".
const WISH =
  /^(?:(?:set up|add|create|have|get|write|build|implement|put in place|introduce|provide|establish|develop|maintain|adopt)\s+)?(?:a\s+|an\s+)?(?:more|better|some|additional|extra|improved|enhanced|further|greater|increased|stronger|smarter|more robust|more comprehensive|more effective|more efficient)\s+(?:(?:and\s+)?[a-z-]+\s+){0,2}?(?:alerts?|alerting|monitoring|dashboards?|tests?|testing|logging|logs|checks?|metrics|documentation|docs|visibility|observability|communication|training|processes|process|reviews?|safeguards?|automation|coverage|tooling|redundancy|load balancing|scaling|caching|failover|backups?|capacity|resilience|reliability|error handling|error messages|system|systems|practices|procedures|planning|security|oversight)\b(?!\s+(?:[a-z]+ed|was|were|is|are|has|had|helped|caught|made|gave|showed|proved|ensured|allowed|let)\b)/i;
// "Make our tests smarter", "Make the review code more extensive": a comparative with nothing to measure it by.
const MAKE_BETTER =
  /^make\s+(?:it\s+|them\s+|(?:our|the|its|their|all)\s+(?:[\w-]+\s+){0,3}?[\w-]+\s+)(?:smarter|better|stronger|safer|faster|easier|clearer|tighter|stricter|more\s+[a-z]+|less\s+[a-z]+)\b/i;
// "Refine it as needed": a change left to later judgement.
const AS_NEEDED = /\b(?:refine|improve|adjust|update|tweak|change|modify|fix|revise)\s+(?:it|them)\s+as\s+(?:needed|necessary|required|appropriate)\b/i;
// Monitoring aimed at a named signal or failure is half a plan (it lacks only a threshold):
// "Enhanced monitoring for consensus block time spikes", "Enhance monitoring to detect load balancer stalls".
const GENERIC_TARGET =
  '(?!(?:the\\s+|our\\s+|all\\s+|any\\s+|and\\b|or\\b|to\\b|similar\\b|such\\b|potential\\b|possible\\b|future\\b|these\\b|those\\b|other\\b)|(?:[a-z-]+\\s+)?(?:issues?|errors?|problems?|failures?|anomal(?:y|ies)|performance|health|everything|things|servers?|systems?|services?|infrastructure|resources?)\\b)[a-z]';
const NAMED_SIGNALS = new RegExp(
  `\\b(?:monitoring|alerting|alerts|logging|dashboards?)\\s+(?:for|of|on)\\s+${GENERIC_TARGET}|\\b(?:monitoring|alerting|alerts|logging|dashboards?)\\s(?:[a-z-]+\\s){0,3}?to\\s(?:[a-z]+ly\\s)?(?:detect|catch|spot|flag|identify|notice)\\s+${GENERIC_TARGET}`,
  'i',
);
// Training on a named topic is a plan a team can schedule: "Provide additional training on incident response".
const TRAINING_TOPIC = /\btraining\s+(?:[a-z-]+\s+){0,4}?(?:on|about|in|for)\s+[a-z]/i;
// A second action that names something: "Enhance awareness training, implement USB device controls".
const CONCRETE_CLAUSE =
  /[,;]\s+(?:and\s+)?(?:implement|add|enforce|create|set up|deploy|enable|disable|require|block|automate|install|configure|use|introduce|remove|replace|rotate|restrict|limit|document|write|build)\s+[a-z]/i;
// "Nginx config makeover", "less mess, more impress".
const MAKEOVER = /\b(?:makeover|facelift|tune-up|glow-up|shake-up|revamp|overhaul)\b|\bless\s+[a-z]+,\s?more\s+[a-z]+/i;

const HEAD_WORDS = 10;

// Most items hold none of the cues that count whatever else they say: one scan of their union rules all four out.
const EARLY_CUE = new RegExp([ATTENTION, FREQUENCY, NO_PLAN_YET, UNDER_REVIEW].map((pattern) => pattern.source).join('|'), 'i');
// Either makes an item concrete: one scan of both; with the two read in its first sentence when that is all of it.
const CADENCE_OR_MECHANISM = new RegExp(`${CADENCE.source}|${MECHANISM.source}`, 'i');
const SIGNAL_OR_CLAUSE = new RegExp(`${NAMED_SIGNALS.source}|${CONCRETE_CLAUSE.source}`, 'i');
const ANY_CONCRETE = new RegExp(`${CADENCE_OR_MECHANISM.source}|${SIGNAL_OR_CLAUSE.source}`, 'i');
// Cues read late in the chain, each a scan of the whole item that rarely matches: one scan of their union (on all the
// words, of which the first sentence is a part; FIX_IT without its end) rules them all out.
const LATE_CUE = new RegExp([AS_NEEDED.source, HEDGE_WORD.source, FIX_IT_WORDS, MAKEOVER.source].join('|'), 'i');
const THINK_ABOUT = /^(?:[a-z]+\s(?:and|&)\s)?(think about|think through|reflect on|brainstorm)\b/i;
const VERB_JOIN = /,\s?|\s(?:and|&|or)\s/;
const PARTICLE = /\s(?:up|on|into|about|at|to)$/i;
const MONITOR = /^monitor$/i;

/** Attention or an unschedulable frequency first, then a plan still being looked for. */
function earlyCue(words: string): Vagueness | null {
  const attention = ATTENTION.exec(words);
  if (attention) return { kind: 'attention', cue: attention[0] };
  const frequency = FREQUENCY.exec(words);
  if (frequency) return { kind: 'frequency', cue: frequency[0] };
  const noPlan = NO_PLAN_YET.exec(words) ?? UNDER_REVIEW.exec(words);
  return noPlan ? { kind: 'hedge', cue: noPlan[0] } : null;
}

/**
 * Why the item is too vague to act on, or null when it is concrete enough (or
 * not an instruction at all). `code` says the item's source has a code span.
 */
export function vagueness(raw: string, code = false): Vagueness | null {
  return vaguenessOfWords(itemWords(raw), code);
}

/** The same, for an item's words already cleaned by `itemWords` (the rule has them at hand). */
export function vaguenessOfWords(words: string, code = false): Vagueness | null {
  if (words === '') return null;
  const early = EARLY_CUE.test(words) ? earlyCue(words) : null;
  if (early) return early;
  // The first sentence is the action; what follows may explain it or say how.
  const sentence = (/^[^.!?;]*(?:[.!?;](?=\s|$)|$)/.exec(words)?.[0] ?? words).trim();
  let head = sentence;
  for (let i = 0; i < 3; i++) {
    const next = head.replace(LEAD_IN, '');
    if (next === head) break;
    head = next;
  }

  const thinkAbout = THINK_ABOUT.exec(head);
  if (thinkAbout) return { kind: 'hedge', cue: thinkAbout[1]! };
  const exact = worded(words, code);
  if (!exact && MAKE_BETTER.test(head)) return { kind: 'aspiration', cue: firstWords(head) };
  const late = !exact && LATE_CUE.test(words);
  const asNeeded = late ? AS_NEEDED.exec(sentence) : null;
  if (asNeeded) return { kind: 'empty', cue: asNeeded[0] };
  // Concrete: exact words, a cadence or a mechanism; or a named signal, or a second action that names something.
  if (exact || (sentence === words ? ANY_CONCRETE.test(words) : CADENCE_OR_MECHANISM.test(words) || SIGNAL_OR_CLAUSE.test(sentence))) return null;

  const verbs = (HEAD_VERBS.exec(head)?.[1] ?? '').split(VERB_JOIN).map((verb) => verb.trim());
  // "Improve on …", "Tighten up …": the verb with or without its particle.
  const aspiration = verbs.find((verb) => ASPIRATION_VERB.test(verb) || ASPIRATION_VERB.test(verb.replace(PARTICLE, '')));
  if (aspiration && !NAMED_PIECE.test(head)) return { kind: MONITOR.test(aspiration) ? 'watch' : 'aspiration', cue: firstWords(head) };
  if (MORE_OF_A_QUALITY.test(head)) return { kind: 'aspiration', cue: firstWords(head) };
  const hedge = verbs.find((verb) => HEDGE_VERB.test(verb)) ?? (late ? HEDGE_WORD.exec(words)?.[0] : undefined);
  if (hedge) return { kind: 'hedge', cue: hedge };
  if (CONTINUE.test(head)) return { kind: 'watch', cue: firstWords(head) };
  if (VAGUE_ADVERB.test(head)) return { kind: 'frequency', cue: firstWords(head) };
  if (ENSURE_STATE.test(head) || ENSURE_QUALITY.test(head) || NEVER_AGAIN.test(head)) return { kind: 'aspiration', cue: firstWords(head) };
  if (BARE_CHECK.test(head)) return { kind: 'empty', cue: firstWords(head) };
  const empty = EMPTY_WORK.exec(head) ?? IMPROVEMENT_AREAS.exec(head) ?? (late ? FIX_IT.exec(sentence) : null);
  if (empty) return { kind: 'empty', cue: empty[0].trim().replace(/[.!]$/, '') };
  if ((WISH.test(head) && !TRAINING_TOPIC.test(sentence)) || (late && MAKEOVER.test(sentence))) return { kind: 'aspiration', cue: firstWords(head) };
  return null;
}

function firstWords(text: string): string {
  const words = text.replace(/[.!?;:,]+$/, '').split(/\s+/);
  return words.length <= HEAD_WORDS ? words.join(' ') : `${words.slice(0, HEAD_WORDS).join(' ')} …`;
}

/** What the item lacks, in a reviewer's words. */
export function vaguenessMessage({ kind, cue }: Vagueness): string {
  switch (kind) {
    case 'attention':
      return `"${cue}" asks people to try harder: say what will change in the system or process (a check, a test, an alert), so it can be done and checked off.`;
    case 'watch':
      return `"${cue}" names no alert or threshold: say what will notify whom, at what level, so it can be built and checked off.`;
    case 'frequency':
      return `"${cue}" cannot be scheduled or checked off: give the cadence, or the job, check or alert that will do it.`;
    case 'hedge':
      return `"${cue}" is not a commitment: decide, and write the change that will be made.`;
    case 'empty':
      return `"${cue}" names no work: write the actions themselves, so each can be done and checked off.`;
    case 'aspiration':
      return `"${cue}" is a wish, not a change: say what exactly will be built or changed (the check, alert, threshold, test or document), so someone can do it and check it off.`;
  }
}
