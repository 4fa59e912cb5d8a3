import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { Finding, Fix, Severity } from '../rules/types.js';
import { ruleDocsUrl } from '../rules/docs-url.js';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What a diagnostic carries for its quick fix: the fix and the version it was computed for. */
export interface DiagnosticData {
  version: number;
  fix?: Fix;
}

/** The one place engine findings become LSP diagnostics. */
export function toDiagnostic(finding: Finding, uri: string, version: number): Diagnostic {
  const data: DiagnosticData = { version, ...(finding.fix ? { fix: finding.fix } : {}) };
  return {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    code: finding.rule,
    ...(finding.rule !== 'internal-error' ? { codeDescription: { href: ruleDocsUrl(finding.rule) } } : {}),
    source: 'postmortem',
    message: finding.message,
    data,
    ...(finding.related ? { relatedInformation: finding.related.map((related) => ({ location: { uri, range: related.range }, message: related.message })) } : {}),
  };
}

export function isDiagnosticData(value: unknown): value is DiagnosticData {
  return value !== null && typeof value === 'object' && typeof (value as DiagnosticData).version === 'number';
}
