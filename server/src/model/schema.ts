import * as z from 'zod';

// The incident model. These schemas are the single source of truth: the
// TypeScript types below are inferred from them, and `--print-model` output is
// validated against them in tests.

/** 0-based line and UTF-16 character, as LSP counts them. */
export const PositionSchema = z.object({
  line: z.number().int().min(0),
  character: z.number().int().min(0),
});
export const RangeSchema = z.object({ start: PositionSchema, end: PositionSchema });

export const SectionKindSchema = z.enum([
  'summary',
  'impact',
  'root-cause',
  'trigger',
  'detection',
  'response',
  'resolution',
  'timeline',
  'action-items',
  'lessons',
  'supporting-information',
  'other',
]);

export const SectionSchema = z.object({
  kind: SectionKindSchema,
  heading: z.string(),
  level: z.number().int().min(1).max(6),
  /** From the heading to the line before the next heading of the same or a higher level. */
  range: RangeSchema,
  headingRange: RangeSchema,
  /** How it is written: a Markdown heading, or a line a reader takes for one (`Timeline:`, `**Root cause**`, `###Timeline`). */
  form: z.enum(['heading', 'line', 'bold', 'hashes', 'html']).optional(),
});

export const TimelineEntrySchema = z.object({
  /** ISO 8601 instant with offset, when the document gives a date and a zone; otherwise null. */
  at: z.string().nullable(),
  /** The time as written, e.g. "09:05 AM". */
  timeText: z.string(),
  /** The entry's text after the time. */
  text: z.string(),
  range: RangeSchema,
  timeRange: RangeSchema,
  approximate: z.boolean(),
  /** The sub-label the entry sits under (the seed's **Detection**, **Actions Taken** …), if any. */
  label: z.string().nullable(),
  /** "8:20 - 8:24": the end of the range, ISO like `at`, or null when the entry is a single time. */
  until: z.string().nullable(),
  /** The entry gives a date and no time of day. */
  dateOnly: z.boolean(),
  /** The time was written with am/pm, with neither (24-hour or ambiguous), or as a full ISO 8601 stamp. */
  clock: z.enum(['12h', '24h', 'iso']),
  /** The zone the entry's time is in: written on it, or inherited from the document. */
  zone: z.string().nullable(),
  /** The entry marks a milestone, from a marker, its wording or its sub-label. */
  milestone: z.enum(['impact-start', 'detected', 'mitigated', 'resolved', 'impact-end']).nullable(),
  /**
   * The wall time as written, ISO-like without an offset, zone or none:
   * "2024-03-02T00:01", "--11-08T09:05" (no year known), "09:05" (no date
   * known), "2024-03-02" (a date alone).
   */
  local: z.string(),
  /** Where the entry's date came from, or null when the document gives none. */
  dateSource: z.enum(['entry', 'heading', 'timeline-heading', 'field', 'front-matter', 'title', 'intro', 'duration', 'file-name', 'rollover']).nullable(),
  /** In a document that reports several incidents, the index of the one in `incidents` this entry belongs to. */
  incident: z.number().int().optional(),
});


export const DurationSchema = z.object({
  /** The duration as the document states it (the field's text), or null. */
  stated: z.string().nullable(),
  start: z.string().nullable(),
  end: z.string().nullable(),
  /** Length in minutes: stated, or end − start. */
  minutes: z.number().nullable(),
  range: RangeSchema.nullable(),
  /** How the statement was read: a Duration field, a range of two times, a sentence, or "N/A" (the document says none applies). */
  basis: z.enum(['field', 'range', 'prose', 'not-applicable']).nullable().optional(),
  /** The statement is hedged ("about", "~", "at least", "a few hours"): it has tolerance. */
  approximate: z.boolean().optional(),
  /** The duration the document implies, from its milestones or its timeline. */
  computed: z
    .object({
      minutes: z.number(),
      start: z.string().nullable(),
      end: z.string().nullable(),
      basis: z.string(),
      /** Both ends are instants the document proves (dated milestones or entries read without guessing), not a first→last span. */
      certain: z.boolean().optional(),
    })
    .nullable(),
});

export const MetricSchema = z.object({
  value: z.number(),
  unit: z.string(),
  /** What the number counts ("users", "requests"), when the text says. */
  counts: z.string().nullable(),
  text: z.string(),
  range: RangeSchema,
});

export const ImpactSchema = z.object({
  text: z.string(),
  range: RangeSchema,
  metrics: z.array(MetricSchema),
});

export const MilestoneKindSchema = z.enum(['impact-start', 'detected', 'mitigated', 'resolved', 'impact-end']);

export const MilestoneSchema = z.object({
  kind: MilestoneKindSchema,
  /** ISO 8601 with offset, or null when the document gives no date or zone. */
  at: z.string().nullable(),
  /** Where it came from: a field ("Detected: …"), a timeline marker or wording, or a sub-label. */
  source: z.enum(['field', 'timeline']),
  range: RangeSchema,
});

export const IncidentMetricsSchema = z.object({
  /** Time to detect: detected − impact start, in minutes. */
  ttd: z.number().nullable(),
  /** Time to mitigate: mitigated − detected. */
  ttm: z.number().nullable(),
  /** Time to resolve: resolved − detected (the Etsy Morgue basis). */
  ttr: z.number().nullable(),
  /** How each figure was found, in words. */
  basis: z.string(),
});

export const ActionItemSchema = z.object({
  text: z.string(),
  owner: z.string().nullable(),
  ticket: z.string().nullable(),
  priority: z.string().nullable(),
  type: z.enum(['prevent', 'mitigate', 'detect', 'process', 'repair', 'investigate', 'other']).nullable(),
  due: z.string().nullable(),
  status: z.enum(['open', 'done']).nullable(),
  range: RangeSchema,
  /** How owner, ticket and done-state were read, so a reader can weigh them. */
  derived: z
    .object({
      owner: z.enum(['column', 'handle', 'field', 'prose', 'list-intro', 'front-matter', 'parent']).nullable(),
      ticket: z.enum(['column', 'id', 'issue-number', 'tracker-link', 'parent']).nullable(),
      status: z.enum(['column', 'checkbox', 'struck', 'marker', 'parent', 'timeline']).nullable(),
    })
    .optional(),
});

export const MetadataSchema = z.object({
  severity: z.string().nullable(),
  status: z.enum(['draft', 'in-review', 'reviewed', 'closed']).nullable(),
  owners: z.array(z.string()),
  authors: z.array(z.string()),
  /** The incident's date, YYYY-MM-DD. */
  incidentDate: z.string().nullable(),
  /** When the postmortem was published, YYYY-MM-DD. */
  publishedDate: z.string().nullable(),
  /** The timeline is declared newest-first. */
  newestFirst: z.boolean(),
});

export const IncidentPartSchema = z.object({
  title: z.string(),
  range: RangeSchema,
  /** Its timeline's entries, by index into the model's `timeline`. */
  entries: z.array(z.number().int()),
  /** The duration its own milestones or timeline imply. */
  computed: DurationSchema.shape.computed,
  milestones: z.array(MilestoneSchema),
  metrics: IncidentMetricsSchema,
});

export const IncidentModelSchema = z.object({
  title: z.string().nullable(),
  metadata: MetadataSchema,
  /** IANA zone or fixed offset the document's times are in, when it says. */
  timezone: z.string().nullable(),
  sections: z.array(SectionSchema),
  /** Always present: `stated` is null when the document states no duration. */
  duration: DurationSchema,
  impact: ImpactSchema.nullable(),
  timeline: z.array(TimelineEntrySchema),
  milestones: z.array(MilestoneSchema),
  metrics: IncidentMetricsSchema,
  actionItems: z.array(ActionItemSchema),
  /**
   * A document that reports several incidents, each under its own heading with
   * its own timeline: each one's facts, read apart. Absent for one incident;
   * then the document-level duration and milestones are not pooled across them.
   */
  incidents: z.array(IncidentPartSchema).optional(),
});

export type Position = z.infer<typeof PositionSchema>;
export type Range = z.infer<typeof RangeSchema>;
export type SectionKind = z.infer<typeof SectionKindSchema>;
export type Section = z.infer<typeof SectionSchema>;
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;
export type Duration = z.infer<typeof DurationSchema>;
export type Metric = z.infer<typeof MetricSchema>;
export type Impact = z.infer<typeof ImpactSchema>;
export type IncidentModel = z.infer<typeof IncidentModelSchema>;
export type Milestone = z.infer<typeof MilestoneSchema>;
export type MilestoneKind = z.infer<typeof MilestoneKindSchema>;
export type ActionItem = z.infer<typeof ActionItemSchema>;
export type Metadata = z.infer<typeof MetadataSchema>;
export type IncidentMetrics = z.infer<typeof IncidentMetricsSchema>;
