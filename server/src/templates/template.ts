import type { SectionKind } from '../model/schema.js';
import type { UserPattern } from './user-pattern.js';

/** One section a template expects, with what a reviewer looks for there. */
export interface TemplateSection {
  /** The heading the template writes. */
  heading: string;
  /** Document sections of these kinds count as this section. */
  kinds: readonly SectionKind[];
  /** Or a heading matching this (lower-cased, numbering and emoji removed): the engine's own, or a template file's (run in a linear-time engine). */
  pattern?: RegExp | UserPattern;
  required: boolean;
  /** What a reviewer expects to find here. */
  purpose: string;
  /** The section's body as a snippet (placeholders `${1:…}`). */
  body: string;
}

export interface Template {
  id: string;
  name: string;
  /** Where the format comes from. */
  source: string;
  sections: readonly TemplateSection[];
}

/** A snippet body as plain text: each placeholder becomes its default text. */
export function snippetToText(body: string): string {
  let text = body;
  // Inner placeholders first, so nested ones resolve too.
  for (let previous = ''; previous !== text; ) {
    previous = text;
    text = text.replace(/\$\{\d+:([^${}]*)\}/g, '$1').replace(/\$\{\d+\}|\$\d+/g, '');
  }
  return text;
}
