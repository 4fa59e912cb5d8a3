// A MessageReader for the LSP base protocol over a byte stream that survives
// malformed frames. vscode-jsonrpc's StreamMessageReader trusts every header:
// after one Content-Length that counts characters instead of UTF-8 bytes, one
// longer than its message, a header block without Content-Length or with a
// non-numeric one, it reads bodies as headers from then on and the server never
// answers again (docs/RELIABILITY.md, #9). This reader drops the bad frame,
// says so once on stderr, and reads on from the next `Content-Length:` header.
// Well-formed traffic is read exactly as before: headers up to CRLF CRLF,
// Content-Length in UTF-8 bytes, the body decoded as UTF-8 JSON, any other
// header (Content-Type) accepted and ignored.
import type { Readable } from 'node:stream';
import { AbstractMessageReader, Disposable, type DataCallback, type Message } from 'vscode-languageserver/node.js';

export interface ResilientReaderOptions {
  /** Told once about each malformed frame that is dropped; writes to stderr unless given. */
  report?: (message: string) => void;
}

const HEADER_END = Buffer.from('\r\n\r\n', 'ascii');
const CR = 0x0d;
const LF = 0x0a;
/** A header block is a few dozen bytes; this many without its blank line is not one. */
const MAX_HEADER_BYTES = 8192;
/** How far back from a CR a `Content-Length: N` line inside a body is looked for. */
const HEADER_LINE_LOOKBACK = 64;
/** A buffer grown past this for one large message is released once that message is read. */
const RETAINED_BYTES = 1 << 20;
const CONTENT_LENGTH = /content-length:/i;
const CONTENT_LENGTH_LINE = /content-length:[ \t]*\d+[ \t]*$/i;
const HEADER_LINE = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+):(.*)$/;

type Header = { ok: true; length: number } | { ok: false; reason: string };

/** Parses a header block (without its final CRLF CRLF) as vscode-jsonrpc does, but rejects what it would misread. */
function parseHeader(block: string): Header {
  let length: number | undefined;
  for (const line of block.split('\r\n')) {
    const match = HEADER_LINE.exec(line);
    if (!match) return { ok: false, reason: `a header line that is not "Name: value" (${JSON.stringify(line.slice(0, 40))})` };
    if (match[1]!.toLowerCase() !== 'content-length') continue;
    const value = match[2]!.trim();
    if (!/^\d+$/.test(value)) return { ok: false, reason: `a Content-Length that is not a number (${JSON.stringify(value.slice(0, 40))})` };
    length = Number(value);
  }
  return length === undefined ? { ok: false, reason: 'a header without Content-Length' } : { ok: true, length };
}

export class ResilientMessageReader extends AbstractMessageReader {
  private readonly report: (message: string) => void;
  // The bytes received and not yet consumed are buffer[start, end).
  private buffer = Buffer.alloc(0);
  private start = 0;
  private end = 0;
  /** The Content-Length of the body being read, or -1 while reading a header. */
  private bodyLength = -1;
  /** Where (relative to `start`) the body has been searched for a stray header so far. */
  private bodyScanned = 0;
  /** Bytes have been dropped since the last message: the rest of the same bad frame is not reported again. */
  private dropping = false;
  private callback: DataCallback | undefined;
  private listening: Disposable | undefined;

  constructor(private readonly readable: Readable, options: ResilientReaderOptions = {}) {
    super();
    this.report = options.report ?? ((message) => process.stderr.write(`${message}\n`));
  }

  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    const onData = (chunk: Buffer | string): void => this.onData(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
    const onError = (error: Error): void => this.fireError(error);
    const onClose = (): void => this.fireClose();
    this.readable.on('data', onData);
    this.readable.on('error', onError);
    this.readable.on('close', onClose);
    this.listening = Disposable.create(() => {
      this.readable.off('data', onData);
      this.readable.off('error', onError);
      this.readable.off('close', onClose);
    });
    return this.listening;
  }

  override dispose(): void {
    super.dispose();
    this.listening?.dispose();
    this.listening = undefined;
  }

  private onData(chunk: Buffer): void {
    this.append(chunk);
    try {
      while (this.bodyLength === -1 ? this.readHeader() : this.readBody());
    } catch (error) {
      // Never expected; drop what is buffered rather than stop reading.
      this.start = this.end = 0;
      this.bodyLength = -1;
      this.fireError(error);
    }
  }

  private append(chunk: Buffer): void {
    const pending = this.end - this.start;
    if (this.end + chunk.length > this.buffer.length) {
      if (pending + chunk.length <= this.buffer.length / 2) {
        this.buffer.copy(this.buffer, 0, this.start, this.end);
      } else {
        const grown = Buffer.allocUnsafe(Math.max(2 * this.buffer.length, pending + chunk.length, 4096));
        this.buffer.copy(grown, 0, this.start, this.end);
        this.buffer = grown;
      }
      this.start = 0;
      this.end = pending;
    }
    chunk.copy(this.buffer, this.end);
    this.end += chunk.length;
  }

  /** Reads one header block; false when more bytes are needed. */
  private readHeader(): boolean {
    if (this.start === this.end) return false;
    const found = this.pending().indexOf(HEADER_END);
    if (found === -1) {
      if (this.end - this.start <= MAX_HEADER_BYTES) return false;
      return this.resynchronise(this.start + 1, `${this.end - this.start} bytes without the blank line that ends a header`);
    }
    const blockEnd = this.start + found;
    const header = parseHeader(this.buffer.toString('latin1', this.start, blockEnd));
    if (!header.ok) return this.resynchronise(this.start + 1, header.reason);
    this.start = blockEnd + HEADER_END.length;
    this.bodyLength = header.length;
    this.bodyScanned = 0;
    return true;
  }

  /** Reads the body announced by the last header; false when more bytes are needed. */
  private readBody(): boolean {
    const available = this.end - this.start;
    if (available < this.bodyLength) {
      // A whole `Content-Length: N` line (with its CRLF, which no JSON string can hold) inside the
      // body: the announced length was too long and the client has already sent its next message.
      const stray = this.findHeaderLine(this.bodyScanned);
      if (stray === -1) return false;
      return this.drop(stray, `a header inside the ${this.bodyLength}-byte body its Content-Length announced (the length was too long)`);
    }
    const bodyEnd = this.start + this.bodyLength;
    let message: unknown;
    try {
      message = JSON.parse(this.buffer.toString('utf8', this.start, bodyEnd));
    } catch {
      // Too short a Content-Length leaves the rest of the body where the next header should be; the
      // header-reading step skips it. Too long a one holds the start of the next message: read on there.
      const next = this.findContentLength(this.start, bodyEnd);
      return this.drop(next === -1 ? bodyEnd : next, `the ${this.bodyLength} bytes its Content-Length announced are not JSON`);
    }
    this.consume(bodyEnd);
    this.bodyLength = -1;
    this.dropping = false;
    try {
      this.callback?.(message as Message);
    } catch (error) {
      this.fireError(error);
    }
    return true;
  }

  /** Drops the bytes before the next `Content-Length:` at or after `from` (all but a possible start of one if there is none). */
  private resynchronise(from: number, reason: string): boolean {
    const next = this.findContentLength(from, this.end);
    if (next !== -1) return this.drop(next, reason);
    // Keep the last bytes in case they are the beginning of `Content-Length:`.
    this.drop(Math.max(this.start, this.end - ('content-length:'.length - 1)), reason);
    return false;
  }

  private drop(to: number, reason: string): boolean {
    if (!this.dropping) {
      this.report(`Postmortem Writer language server: dropped a malformed message (${reason}); reading on from the next Content-Length header.`);
    }
    this.dropping = true;
    this.consume(to);
    this.bodyLength = -1;
    return true;
  }

  /** The bytes received and not yet consumed. */
  private pending(): Buffer {
    return this.buffer.subarray(this.start, this.end);
  }

  private consume(to: number): void {
    this.start = to;
    if (this.start < this.end) return;
    this.start = this.end = 0;
    // Let the memory of a very large message go once it has been read.
    if (this.buffer.length > RETAINED_BYTES) this.buffer = Buffer.alloc(0);
  }

  private findContentLength(from: number, to: number): number {
    if (from >= to) return -1;
    const at = this.buffer.toString('latin1', from, to).search(CONTENT_LENGTH);
    return at === -1 ? -1 : from + at;
  }

  /** The start of the first `Content-Length: N` CRLF line in the pending bytes from `from`, or -1; remembers how far it looked. */
  private findHeaderLine(from: number): number {
    const pending = this.pending();
    let cr = pending.indexOf(CR, from);
    while (cr !== -1 && cr + 1 < pending.length) {
      if (pending[cr + 1] === LF) {
        const lookback = Math.max(0, cr - HEADER_LINE_LOOKBACK);
        const match = CONTENT_LENGTH_LINE.exec(pending.toString('latin1', lookback, cr));
        if (match) return this.start + lookback + match.index;
      }
      cr = pending.indexOf(CR, cr + 1);
    }
    // A CR as the last byte may be followed by LF in the next chunk: look at it again then.
    this.bodyScanned = cr === -1 ? pending.length : cr;
    return -1;
  }
}
