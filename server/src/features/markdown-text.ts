// Characters that start inline Markdown: emphasis, code, links, images, HTML,
// entities, tables, strikethrough, escapes. And the starts of GFM's bare
// links ("https://", "www.", "name@"): where the parser takes those as they
// stand in the source, the link runs over the escapes after it and an escaped
// "<img …>" would be HTML again. (Renderers may still link the address after
// unescaping, with its own text as the target: harmless, as in the document.)
const INLINE = /[\\`*_[\]<>&!|~]|:(?=\/)|(?<=www)\.|@/gi;
// What starts a block when it starts a line: a heading, list item, quote, rule or setext underline.
const LINE_START = /^(?:(\d+)([.)])|([#+\-=]))/;

/**
 * Text from a document or a workspace file, made literal inside Markdown the
 * server sends (hovers), wherever it stands in a line: a heading such as
 * `[click](command:x) <img src=x>` shows as written instead of becoming a link
 * or HTML. Only what could start Markdown is escaped (CommonMark lets any
 * punctuation be), so times, dates and zone names read as they are.
 */
export function markdownText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(INLINE, '\\$&')
    .replace(LINE_START, (_, digits: string | undefined, after: string | undefined, mark: string | undefined) => (digits !== undefined ? `${digits}\\${after!}` : `\\${mark!}`));
}
