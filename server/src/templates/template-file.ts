import * as z from 'zod';
import { SectionKindSchema } from '../model/schema.js';
import type { Template } from './template.js';

/**
 * A team's own template, as JSON or YAML, named by `template` in
 * .postmortemrc. Data only: patterns are regular-expression strings, never code,
 * matched by a linear-time engine (user-pattern.ts).
 */
export const TemplateFileSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/).optional().describe('A short id; defaults to the file name.'),
    name: z.string().min(1),
    sections: z
      .array(
        z
          .object({
            heading: z.string().min(1),
            kinds: z.array(SectionKindSchema).default([]).describe('Sections of these kinds count as this one.'),
            pattern: z.string().optional().describe('Or headings matching this regular expression (case-insensitive).'),
            required: z.boolean().default(true),
            purpose: z.string().default(''),
            body: z.string().default(''),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

export function templateFromFile(data: z.infer<typeof TemplateFileSchema>, fallbackId: string): Template {
  return {
    id: data.id ?? fallbackId,
    name: data.name,
    source: 'custom template file',
    sections: data.sections.map((section) => ({
      heading: section.heading,
      kinds: section.kinds,
      ...(section.pattern ? { pattern: { userPattern: section.pattern } } : {}),
      required: section.required,
      purpose: section.purpose,
      body: section.body,
    })),
  };
}
