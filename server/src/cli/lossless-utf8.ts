import { isUtf8 } from 'node:buffer';

// Bytes that are not UTF-8 become lone low surrogates U+DC80–U+DCFF (Python's
// "surrogateescape"), which valid UTF-8 never decodes to: encoding the text
// back gives those bytes again, so --fix changes only what its edits change.
const ESCAPE_BASE = 0xdc00;
// An escaped byte: a low surrogate in the escape range with no high surrogate before it.
const ESCAPED = /(?<![\uD800-\uDBFF])[\uDC80-\uDCFF]/g;

/** Length of the well-formed UTF-8 sequence at `i`, or 0 when the byte there does not start one. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const first = bytes[i]!;
  if (first < 0x80) return 1;
  const inRange = (offset: number, low = 0x80, high = 0xbf): boolean => {
    const byte = bytes[i + offset];
    return byte !== undefined && byte >= low && byte <= high;
  };
  // The table of well-formed sequences in the Unicode standard (no overlongs, no surrogates, nothing past U+10FFFF).
  if (first >= 0xc2 && first <= 0xdf) return inRange(1) ? 2 : 0;
  if (first === 0xe0) return inRange(1, 0xa0) && inRange(2) ? 3 : 0;
  if (first === 0xed) return inRange(1, 0x80, 0x9f) && inRange(2) ? 3 : 0;
  if (first >= 0xe1 && first <= 0xef) return inRange(1) && inRange(2) ? 3 : 0;
  if (first === 0xf0) return inRange(1, 0x90) && inRange(2) && inRange(3) ? 4 : 0;
  if (first === 0xf4) return inRange(1, 0x80, 0x8f) && inRange(2) && inRange(3) ? 4 : 0;
  if (first >= 0xf1 && first <= 0xf3) return inRange(1) && inRange(2) && inRange(3) ? 4 : 0;
  return 0;
}

/** Decodes UTF-8, keeping each byte that is not part of a valid sequence as an escape `encodeLossless` turns back into it. */
export function decodeLossless(bytes: Buffer): string {
  if (isUtf8(bytes)) return bytes.toString('utf8');
  let text = '';
  let runStart = 0;
  let i = 0;
  while (i < bytes.length) {
    const length = sequenceLength(bytes, i);
    if (length > 0) {
      i += length;
      continue;
    }
    text += bytes.toString('utf8', runStart, i) + String.fromCharCode(ESCAPE_BASE + bytes[i]!);
    i++;
    runStart = i;
  }
  return text + bytes.toString('utf8', runStart);
}

/** Encodes text as UTF-8, writing escaped bytes from `decodeLossless` back as the bytes they were. */
export function encodeLossless(text: string): Buffer {
  const parts: Buffer[] = [];
  let runStart = 0;
  for (const match of text.matchAll(ESCAPED)) {
    parts.push(Buffer.from(text.slice(runStart, match.index), 'utf8'), Buffer.from([match[0].charCodeAt(0) - ESCAPE_BASE]));
    runStart = match.index + 1;
  }
  if (parts.length === 0) return Buffer.from(text, 'utf8');
  parts.push(Buffer.from(text.slice(runStart), 'utf8'));
  return Buffer.concat(parts);
}
