import { buildModel, type AnalyzedDocument } from '../model/build-model.js';
import { parseMarkdown, type ParsedMarkdown } from '../model/markdown.js';
import { readOutline } from '../model/sections.js';
import type { SectionKind } from '../model/schema.js';
import { RULES } from '../rules/registry.js';
import type { AnyRule, Finding, RuleContext } from '../rules/types.js';
import { DEFAULT_SETTINGS, type Settings } from '../config/settings.js';
import type { EffectiveSettings } from '../config/effective-settings.js';
import { postmortemReason, isTemplate, skipNote, type PostmortemReason } from './detect.js';
import { closestTemplate, templateById } from '../templates/registry.js';
import { applySuppressions } from './suppressions.js';
import { MemoOwner } from '../time/memo-owner.js';
import type { Template } from '../templates/template.js';
import { placeholdersIn, TEMPLATE_PLACEHOLDER_COUNT } from '../model/placeholders.js';

export interface Analysis {
  analysis: AnalyzedDocument;
  /** The template the document is checked against: configured, or the closest one. */
  template: Template;
  isPostmortem: PostmortemReason;
  findings: Finding[];
  /** Why a document that would otherwise count was left alone (named as an index, README or log). */
  note?: string;
}

export interface AnalyzeOptions {
  /** Path (or URI path) of the document, for the include globs. */
  path?: string | null;
  settings?: EffectiveSettings;
  /** Check even when the document does not look like a postmortem (the CLI's explicit files). */
  force?: boolean;
  rules?: readonly AnyRule[];
  /** The analysis of the document's previous version, to parse only what changed. It is consumed. */
  previous?: Analysis;
  /** The text's parse, when the host made one already (the CLI reads each file's sections first): not parsed again. Ignored for another text. */
  parsed?: ParsedMarkdown;
  /** The section kinds of the other postmortems in the document's folder, as the host found them: the team's own template. */
  siblingSections?: ReadonlyArray<ReadonlySet<SectionKind>>;
  /**
   * The host's memo tables, from `createEngineMemos()`: a host that analyses
   * again and again (the server's cache, the worker, a CLI run) owns one and
   * passes it each time. Without it the analysis reads every line afresh.
   */
  memos?: EngineMemos;
}

/** What an engine instance remembers across analyses (timestamps per line, milestone wordings, blameful phrases per block, …). */
export type EngineMemos = MemoOwner;

/** A new, empty set of memo tables, for a host to own and pass to every `analyze`. */
export function createEngineMemos(): EngineMemos {
  return new MemoOwner();
}

/** The kinds of sections a text has, for a host to pass as `siblingSections` when it analyses the text's neighbours. */
export function sectionKindsOf(text: string): Set<SectionKind> {
  return sectionKindsOfParsed(parseMarkdown(text));
}

/** The same from a parse the host keeps, to pass on to `analyze` as `parsed` when it analyses the text next. */
export function sectionKindsOfParsed(doc: ParsedMarkdown): Set<SectionKind> {
  return new Set(readOutline(doc).spans.map((span) => span.section.kind));
}

/** Parse once, run every enabled rule. One failing rule becomes one finding; the others still run. */
export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  const settings: EffectiveSettings = options.settings ?? DEFAULT_SETTINGS;
  const memos = options.memos ?? createEngineMemos();
  const analysis = buildModel(text, options.previous?.analysis.doc ?? (options.parsed?.text === text ? options.parsed : undefined), options.path ?? null, memos);
  const reason = postmortemReason(analysis, options.path ?? null, settings);
  const chosen = settings.template === 'auto' ? undefined : (settings.customTemplates?.find((custom) => custom.id === settings.template) ?? templateById(settings.template));
  const template = chosen ?? closestTemplate(analysis.model.sections);
  if (!reason && !options.force) {
    const note = skipNote(analysis, options.path ?? null, settings);
    return { analysis, template, isPostmortem: null, findings: [], ...(note ? { note } : {}) };
  }
  const findings = runRules({ ...analysis, template, siblingSections: options.siblingSections ?? settings.siblingSections ?? [], memos }, settings, options.rules ?? RULES, options.path ?? null);
  if (analysis.doc.degraded) {
    findings.unshift({ rule: 'internal-error', severity: 'warning', message: `This document was ${analysis.doc.degraded}. Findings may be incomplete.`, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });
  }
  return { analysis, template, isPostmortem: reason, findings: applySuppressions(analysis.doc, findings) };
}

// A rule's default options, parsed once: most documents configure none.
const defaults = new WeakMap<AnyRule, unknown>();
function defaultOptions(rule: AnyRule): unknown {
  if (!defaults.has(rule)) defaults.set(rule, rule.options?.parse({}));
  return defaults.get(rule);
}

export function runRules(context: RuleContext, settings: Settings, allRules: readonly AnyRule[], path: string | null = null): Finding[] {
  const findings: Finding[] = [];
  // A template gets one gentle note about its placeholders, not a wall of findings; a finished document with placeholders left in gets every rule.
  const templateMode = isTemplate(context, path, placeholdersIn(context), TEMPLATE_PLACEHOLDER_COUNT);
  // Which rules still run on a template is the rules' own say (Rule.templateMode).
  const rules = templateMode ? allRules.filter((rule) => rule.templateMode === true) : allRules;
  for (const rule of rules) {
    const configured = settings.rules[rule.id];
    const [level, rawOptions] = Array.isArray(configured) ? configured : [configured, undefined];
    if (level === 'off') continue;
    const severity = level ?? rule.defaultSeverity;
    try {
      // Options were validated when the config was read; parsing here fills in the defaults.
      const options: unknown = rule.options ? (rawOptions === undefined ? defaultOptions(rule) : rule.options.parse(rawOptions)) : undefined;
      for (const report of rule.check(context, options)) findings.push({ rule: rule.id, severity, ...report });
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
