import type { Rule, RuleReport } from './types.js';
import { documentAnchor } from './anchors.js';
import { isTemplate } from '../engine/detect.js';
import { placeholdersIn, TEMPLATE_PLACEHOLDER_COUNT, type Placeholder } from '../model/placeholders.js';

/** TBD, TODO, "??", "XX%", "<owner>": the document is not finished. */
export const placeholderText: Rule = {
  id: 'placeholder-text',
  description: 'Placeholder text is left in the document (TBD, TODO, ??, XX%, <owner>, YYYY-MM-DD).',
  defaultSeverity: 'warning',
  // In a template it says so once, instead of a finding per placeholder.
  templateMode: true,
  check(context) {
    const hits = placeholdersIn(context);
    if (isTemplate(context, null, hits, TEMPLATE_PLACEHOLDER_COUNT)) {
      return [
        {
          message: `This postmortem is still a template: ${hits.length} placeholders (${[...new Set(hits.map((hit) => hit.text))].slice(0, 5).join(', ')} …) are left. Checks beyond its structure wait until it is filled in.`,
          range: documentAnchor(context),
        },
      ];
    }
    // One finding per line: "?? of ?? (??%)" is one unfinished sentence, not three problems.
    const byLine = new Map<number, Placeholder[]>();
    for (const hit of hits) {
      const line = context.doc.lines.positionAt(hit.start).line;
      byLine.set(line, [...(byLine.get(line) ?? []), hit]);
    }
    return [...byLine.values()].map((line): RuleReport => {
      const first = line[0]!;
      const last = line[line.length - 1]!;
      const words = [...new Set(line.map((hit) => `"${hit.text}"`))].join(', ');
      return { message: `Placeholder${line.length > 1 ? 's' : ''} ${words} left in: replace ${line.length > 1 ? 'them' : 'it'} with the real value${line.length > 1 ? 's' : ''}.`, range: context.doc.lines.range(first.start, last.end) };
    });
  },
};
