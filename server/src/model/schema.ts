import { z } from 'zod';

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
});

export const DurationSchema = z.object({
  /** The duration as the document states it (the field's text), or null. */
  stated: z.string().nullable(),
  start: z.string().nullable(),
  end: z.string().nullable(),
  /** Length in minutes: stated, or end − start. */
  minutes: z.number().nullable(),
  range: RangeSchema.nullable(),
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

export const IncidentModelSchema = z.object({
  title: z.string().nullable(),
  /** IANA zone or fixed offset the document's times are in, when it says. */
  timezone: z.string().nullable(),
  sections: z.array(SectionSchema),
  duration: DurationSchema.nullable(),
  impact: ImpactSchema.nullable(),
  timeline: z.array(TimelineEntrySchema),
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
