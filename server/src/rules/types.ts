import * as z from 'zod';
import { RangeSchema, type SectionKind } from '../model/schema.js';
import type { AnalyzedDocument } from '../model/build-model.js';
import type { Template } from '../templates/template.js';
import type { MemoOwner } from '../time/memo-owner.js';

export const SeveritySchema = z.enum(['error', 'warning', 'info', 'hint']);

export const TextEditSchema = z.object({ range: RangeSchema, newText: z.string() });

/** A fix is data: edits against the analysed text, applied by one shared function. */
export const FixSchema = z.object({ title: z.string(), edits: z.array(TextEditSchema) });

export const FindingSchema = z.object({
  rule: z.string(),
  severity: SeveritySchema,
  message: z.string(),
  range: RangeSchema,
  fix: FixSchema.optional(),
  related: z.array(z.object({ range: RangeSchema, message: z.string() })).optional(),
});

export type Severity = z.infer<typeof SeveritySchema>;
export type TextEdit = z.infer<typeof TextEditSchema>;
export type Fix = z.infer<typeof FixSchema>;
export type Finding = z.infer<typeof FindingSchema>;

/** What a rule reports; the engine adds the rule id and the configured severity. */
export type RuleReport = Omit<Finding, 'rule' | 'severity'>;

/** What a rule reads: the analysed document and the template it is checked against. */
export interface RuleContext extends AnalyzedDocument {
  template: Template;
  /** Section kinds of the other postmortems in the same folder, when the host passed them (the team's own template). */
  siblingSections?: ReadonlyArray<ReadonlySet<SectionKind>>;
  /** The analysing host's memo tables (see time/memo-owner.ts). */
  memos: MemoOwner;
}

export interface Rule<Options = unknown> {
  /** Stable kebab-case id: the diagnostic code and the doc page's name. */
  id: string;
  description: string;
  defaultSeverity: Severity;
  /**
   * The rule still runs on a template being filled in: a check of its structure
   * (an empty or doubled section), or the one gentle note about its placeholders.
   * The other rules wait until it is filled in.
   */
  templateMode?: boolean;
  /** The rule's options; the defaults apply where the config gives none. */
  options?: z.ZodType<Options>;
  check(context: RuleContext, options: Options): RuleReport[];
}

/** Rules with their option types erased, for the registry. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each rule checks its own options through its schema
export type AnyRule = Rule<any>;
