import { pathToFileURL } from 'node:url';
import { isAbsolute, resolve, sep } from 'node:path';
import { RULES } from '../rules/registry.js';
import { ruleDocsUrl } from '../rules/docs-url.js';
import type { Finding, Severity } from '../rules/types.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export interface FileFindings {
  file: string;
  findings: Finding[];
}

/**
 * A file's location as a URI reference: relative to the working folder, as
 * code-scanning uploads expect, each segment percent-encoded so that "#",
 * "%", "?", spaces and non-ASCII names point at the file and nowhere else.
 */
export function artifactUri(file: string): string {
  if (isAbsolute(file)) return pathToFileURL(file).href;
  return file.split(sep).map(encodeURIComponent).join('/');
}

/** A SARIF 2.1.0 log: one run, every rule described, positions 1-based in UTF-16 code units. */
export function toSarif(results: readonly FileFindings[], version: string): object {
  const ruleIndex = new Map(RULES.map((rule, index) => [rule.id, index]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'postmortem-lint',
            version,
            informationUri: ruleDocsUrl('README').replace(/README\.md$/, ''),
            rules: RULES.map((rule) => ({
              id: rule.id,
              name: rule.id.replace(/(^|-)([a-z])/g, (_, __: string, letter: string) => letter.toUpperCase()),
              shortDescription: { text: rule.description },
              fullDescription: { text: rule.description },
              helpUri: ruleDocsUrl(rule.id),
              help: { text: `${rule.description} See ${ruleDocsUrl(rule.id)}` },
              defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: results.flatMap(({ file, findings }) =>
          findings.map((finding) => {
            const uri = pathToFileURL(resolve(file)).href;
            const index = ruleIndex.get(finding.rule);
            const region = {
              startLine: finding.range.start.line + 1,
              startColumn: finding.range.start.character + 1,
              endLine: finding.range.end.line + 1,
              endColumn: finding.range.end.character + 1,
            };
            return {
              ruleId: finding.rule,
              ...(index !== undefined ? { ruleIndex: index } : {}),
              level: LEVEL[finding.severity],
              message: { text: finding.message },
              locations: [{ physicalLocation: { artifactLocation: { uri: artifactUri(file) }, region } }],
              ...(finding.fix
                ? {
                    fixes: [
                      {
                        description: { text: finding.fix.title },
                        artifactChanges: [
                          {
                            artifactLocation: { uri },
                            replacements: finding.fix.edits.map((edit) => ({
                              deletedRegion: {
                                startLine: edit.range.start.line + 1,
                                startColumn: edit.range.start.character + 1,
                                endLine: edit.range.end.line + 1,
                                endColumn: edit.range.end.character + 1,
                              },
                              insertedContent: { text: edit.newText },
                            })),
                          },
                        ],
                      },
                    ],
                  }
                : {}),
            };
          }),
        ),
      },
    ],
  };
}
