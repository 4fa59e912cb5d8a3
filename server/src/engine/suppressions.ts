import { walk, startOffset } from '../model/markdown.js';
import type { ParsedMarkdown } from '../model/markdown.js';
import type { Finding } from '../rules/types.js';
import { allMatches } from '../time/all-matches.js';

// <!-- postmortem-disable rule-a, rule-b -->, <!-- postmortem-enable -->,
// <!-- postmortem-disable-next-line rule-id -->, <!-- postmortem-disable-line rule-id -->
const DIRECTIVE = /<!--\s*postmortem-(disable-next-line|disable-line|disable|enable)\b([^>]*?)-->/g;

interface Directive {
  kind: 'disable' | 'enable' | 'disable-line' | 'disable-next-line';
  rules: string[] | null;
  line: number;
}

function directives(doc: ParsedMarkdown): Directive[] {
  const found: Directive[] = [];
  walk(doc.root, (node) => {
    if (node.type !== 'html') return;
    for (const match of allMatches(node.value, DIRECTIVE)) {
      const ids = match[2]!.split(/[\s,]+/).filter(Boolean);
      found.push({ kind: match[1] as Directive['kind'], rules: ids.length > 0 ? ids : null, line: doc.lines.positionAt(startOffset(node) + match.index).line });
    }
  });
  return found.sort((a, b) => a.line - b.line);
}

/** Drops the findings that inline comments turn off. */
export function applySuppressions(doc: ParsedMarkdown, findings: readonly Finding[]): Finding[] {
  // A directive's name is in the text as written: most documents have none, and their tree is not walked.
  const list = doc.text.includes('postmortem-') ? directives(doc) : [];
  if (list.length === 0) return [...findings];
  return findings.filter((finding) => {
    const line = finding.range.start.line;
    let disabledAll = false;
    const disabled = new Set<string>();
    for (const directive of list) {
      const applies = (rules: string[] | null): boolean => rules === null || rules.includes(finding.rule);
      if ((directive.kind === 'disable-line' && directive.line === line) || (directive.kind === 'disable-next-line' && directive.line + 1 === line)) {
        if (applies(directive.rules)) return false;
      }
      if (directive.line > line) continue;
      if (directive.kind === 'disable') {
        if (directive.rules === null) disabledAll = true;
        else directive.rules.forEach((rule) => disabled.add(rule));
      } else if (directive.kind === 'enable') {
        if (directive.rules === null) {
          disabledAll = false;
          disabled.clear();
        } else directive.rules.forEach((rule) => disabled.delete(rule));
      }
    }
    return !(disabledAll || disabled.has(finding.rule));
  });
}
