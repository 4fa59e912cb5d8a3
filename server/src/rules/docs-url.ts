// Where each rule's page (docs/rules/<id>.md) is published. One place, so the
// LSP's codeDescription and SARIF's helpUri agree; change it if the repository moves.
export const RULE_DOCS_BASE = 'https://github.com/postmortem-writer/postmortem-writer/blob/main/docs/rules/';

export function ruleDocsUrl(ruleId: string): string {
  return `${RULE_DOCS_BASE}${ruleId}.md`;
}
