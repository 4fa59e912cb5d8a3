import { buildModel, type AnalyzedDocument } from '../model/build-model.js';
import { RULES } from '../rules/registry.js';
import type { Finding, Rule } from '../rules/types.js';
import { DEFAULT_SETTINGS, type Settings } from '../config/settings.js';
import { postmortemReason, type PostmortemReason } from './detect.js';

export interface Analysis {
  analysis: AnalyzedDocument;
  isPostmortem: PostmortemReason;
  findings: Finding[];
}

export interface AnalyzeOptions {
  /** Path (or URI path) of the document, for the include globs. */
  path?: string | null;
  settings?: Settings;
  /** Check even when the document does not look like a postmortem (the CLI's explicit files). */
  force?: boolean;
  rules?: readonly Rule[];
}

/** Parse once, run every enabled rule. One failing rule becomes one finding; the others still run. */
export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  const settings = options.settings ?? DEFAULT_SETTINGS;
  const analysis = buildModel(text);
  const reason = postmortemReason(analysis, options.path ?? null, settings);
  if (!reason && !options.force) return { analysis, isPostmortem: null, findings: [] };
  return { analysis, isPostmortem: reason, findings: runRules(analysis, settings, options.rules ?? RULES) };
}

export function runRules(analysis: AnalyzedDocument, settings: Settings, rules: readonly Rule[]): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    const configured = settings.rules[rule.id];
    if (configured === 'off') continue;
    const severity = configured ?? rule.defaultSeverity;
    try {
      for (const report of rule.check(analysis)) findings.push({ rule: rule.id, severity, ...report });
    } catch (error) {
      findings.push({
        rule: 'internal-error',
        severity: 'error',
        message: `Rule ${rule.id} failed on this document: ${error instanceof Error ? error.message : String(error)}. The other rules still ran; please report this.`,
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      });
    }
  }
  return findings;
}
