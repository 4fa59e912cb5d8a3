import { decodeLossless, encodeLossless } from './lossless-utf8.js';

// Files are UTF-8 unless a byte order mark says otherwise. Windows
// PowerShell 5 writes UTF-16LE with a BOM (`>` and Out-File), and some tools
// UTF-16BE or UTF-32: those are read as what they are and --fix writes them
// back in the same encoding, with the same BOM.

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be';

const BOMS: ReadonlyArray<[Encoding, readonly number[]]> = [
  // UTF-32LE first: its BOM starts with UTF-16LE's.
  ['utf-32le', [0xff, 0xfe, 0x00, 0x00]],
  ['utf-32be', [0x00, 0x00, 0xfe, 0xff]],
  ['utf-8', [0xef, 0xbb, 0xbf]],
  ['utf-16le', [0xff, 0xfe]],
  ['utf-16be', [0xfe, 0xff]],
];

export interface DecodedFile {
  encoding: Encoding;
  /** The BOM's bytes, empty when there is none. */
  bom: Buffer;
  /** The text as editors show it: bytes that do not decode become U+FFFD. */
  text: string;
}

export function detectEncoding(bytes: Buffer): { encoding: Encoding; bom: Buffer } {
  for (const [encoding, bom] of BOMS) {
    if (bytes.length >= bom.length && bom.every((byte, i) => bytes[i] === byte)) return { encoding, bom: bytes.subarray(0, bom.length) };
  }
  return { encoding: 'utf-8', bom: bytes.subarray(0, 0) };
}

function swapPairs(bytes: Buffer): Buffer {
  const copy = Buffer.from(bytes.subarray(0, bytes.length - (bytes.length % 2)));
  return copy.swap16();
}

function decodeUtf32(body: Buffer, littleEndian: boolean): string {
  const parts: string[] = [];
  for (let i = 0; i + 4 <= body.length; i += 4) {
    const code = littleEndian ? body.readUInt32LE(i) : body.readUInt32BE(i);
    parts.push(code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? '\uFFFD' : String.fromCodePoint(code));
  }
  if (body.length % 4 !== 0) parts.push('\uFFFD');
  return parts.join('');
}

function encodeUtf32(text: string, littleEndian: boolean): Buffer {
  const codes = Array.from(text, (char) => char.codePointAt(0)!);
  const bytes = Buffer.alloc(codes.length * 4);
  codes.forEach((code, i) => (littleEndian ? bytes.writeUInt32LE(code, i * 4) : bytes.writeUInt32BE(code, i * 4)));
  return bytes;
}

/** Decodes a file for analysis, the BOM left out. */
export function decodeFile(bytes: Buffer): DecodedFile {
  const { encoding, bom } = detectEncoding(bytes);
  const body = bytes.subarray(bom.length);
  let text: string;
  if (encoding === 'utf-8') text = body.toString('utf8');
  else if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    const le = encoding === 'utf-16le' ? body.subarray(0, body.length - (body.length % 2)) : swapPairs(body);
    // TextDecoder turns lone surrogates into U+FFFD, as editors show them.
    text = new TextDecoder('utf-16le').decode(le) + (body.length % 2 === 1 ? '\uFFFD' : '');
  } else text = decodeUtf32(body, encoding === 'utf-32le');
  return { encoding, bom, text };
}

/**
 * The text --fix edits, the BOM left out, or null when the file would not be
 * written back byte for byte where the fixes change nothing (an odd byte at
 * the end of UTF-16, a lone surrogate, a code point past U+10FFFF).
 * UTF-8 keeps bytes that are not UTF-8 (see lossless-utf8.ts).
 */
export function decodeForFix(bytes: Buffer, file: DecodedFile): string | null {
  const body = bytes.subarray(file.bom.length);
  if (file.encoding === 'utf-8') return decodeLossless(body);
  const text = file.text;
  return encodeBody(text, file.encoding).equals(body) ? text : null;
}

function encodeBody(text: string, encoding: Encoding): Buffer {
  switch (encoding) {
    case 'utf-8':
      return encodeLossless(text);
    case 'utf-16le':
      return Buffer.from(text, 'utf16le');
    case 'utf-16be':
      return Buffer.from(text, 'utf16le').swap16();
    case 'utf-32le':
      return encodeUtf32(text, true);
    case 'utf-32be':
      return encodeUtf32(text, false);
  }
}

/** The fixed text as the file's bytes: its encoding, its BOM. */
export function encodeFile(text: string, file: Pick<DecodedFile, 'encoding' | 'bom'>): Buffer {
  return Buffer.concat([file.bom, encodeBody(text, file.encoding)]);
}
