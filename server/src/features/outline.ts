import type { Analysis } from '../engine/analyze.js';
import type { OutlineResult } from '../protocol.js';

export function outline(uri: string, version: number, result: Analysis): OutlineResult {
  const { model } = result.analysis;
  return {
    uri,
    version,
    isPostmortem: result.isPostmortem !== null,
    title: model.title,
    sections: model.sections.map((section) => ({
      ...section,
      problems: result.findings.filter((finding) => finding.range.start.line >= section.range.start.line && finding.range.start.line <= section.range.end.line).length,
    })),
  };
}
