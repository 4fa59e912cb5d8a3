// Document text and file names reach the terminal in the text format and in
// messages. Control characters there would let a file clear the screen,
// rewrite earlier lines, set the window title or hide text (ESC sequences,
// C1 controls, bidirectional overrides), and a newline would forge a line
// of output. They are shown escaped: ESC as \x1b.
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (char) => {
    const named = NAMED[char];
    if (named) return named;
    const code = char.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
