// How large a document the engine analyses. Measured with the CLI on
// generated timelines (docs/RELIABILITY.md, "Hostile files"): about 240 MB of
// memory per MB of text, so 5 MiB peaks near 1.2 GB, while a 52 MB timeline
// ran out of V8's 4 GB heap after two minutes. Real postmortems are a few
// tens of kB: the cap is a hundred times past them.

/** Documents larger than this, in UTF-8 bytes, are not analysed: they get one message naming them and their size. */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

/** UTF-8 length of a string without encoding it (a lone surrogate counts 3, as U+FFFD would). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** The text's size in UTF-8 bytes when it is over the cap, else null. Cheap for small texts. */
export function oversize(text: string): number | null {
  if (text.length * 3 <= MAX_DOCUMENT_BYTES) return null;
  if (text.length > MAX_DOCUMENT_BYTES) return Math.max(text.length, utf8Length(text));
  const bytes = utf8Length(text);
  return bytes > MAX_DOCUMENT_BYTES ? bytes : null;
}

/** "52.0 MB": sizes in messages, in MiB as the cap is. */
export function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} kB`;
}

/** 5242905 as "5,242,905" (no locale data needed). */
function groupDigits(value: number): string {
  const digits = String(Math.trunc(value));
  let grouped = '';
  for (let end = digits.length; end > 0; end -= 3) grouped = `${digits.slice(Math.max(0, end - 3), end)}${grouped ? `,${grouped}` : ''}`;
  return grouped;
}

/** The message for a document over the cap, the same in the CLI and the editor. */
export function tooLargeMessage(name: string, bytes: number): string {
  // Just over the cap, "5.0 MB, more than the 5.0 MB" would read as a contradiction: give the bytes.
  const size = formatSize(bytes) === formatSize(MAX_DOCUMENT_BYTES) ? `${groupDigits(bytes)} bytes` : formatSize(bytes);
  return `${name} is ${size}, more than the ${formatSize(MAX_DOCUMENT_BYTES)} Postmortem Writer analyses; it is not checked.`;
}
