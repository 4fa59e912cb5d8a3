// Text in the picture: escaping, width estimates, truncation, durations.
// The layout runs in the extension host, where no font can be measured: widths
// are estimated per character and corrected by a scale the webview measures.
import { FONT_SAMPLE } from '../messages.js';

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** A coordinate with one decimal, as the SVG writes it. */
export function fixed(n: number): string {
  return (Math.round(n * 10) / 10).toString();
}

/** "48m", "1h 5m", "1d 21h 55m", "−12m", in the style of the server's T+ offsets. */
export function formatDuration(minutes: number): string {
  const rounded = Math.round(minutes);
  if (rounded === 0) return '0m';
  const sign = rounded < 0 ? '−' : '';
  const total = Math.abs(rounded);
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const rest = total % 60;
  return sign + [days ? `${days}d` : '', hours ? `${hours}h` : '', rest ? `${rest}m` : ''].filter(Boolean).join(' ');
}

/** Advance width of text in the workbench's UI font, estimated per character, in ems. */
function estimateEms(text: string): number {
  let em = 0;
  for (const c of text) {
    if (c === ' ') em += 0.28;
    else if ('il.,:;\'|!`()[]{}'.includes(c)) em += 0.3;
    else if ('fjrt-'.includes(c)) em += 0.38;
    else if ('mwMW@%'.includes(c)) em += 0.86;
    else if (/[A-Z]/.test(c)) em += 0.66;
    else if (/[0-9]/.test(c)) em += 0.56;
    else if (c.charCodeAt(0) > 0x2000) em += 0.9;
    else em += 0.53;
  }
  return em;
}

/** The scale for a measured width of FONT_SAMPLE at 12px: how much wider the real font is than the estimate. */
export function fontScale(measured: number): number {
  // 4% to spare: the estimate is within ±4% of real text once scaled.
  const scale = (measured / (estimateEms(FONT_SAMPLE) * 12)) * 1.04;
  return Number.isFinite(scale) ? Math.min(1.6, Math.max(0.75, Math.round(scale * 100) / 100)) : 1;
}

/** Text widths at the font scale the webview measured (1 when unknown). */
export interface Measure {
  width(text: string, size: number): number;
  /** The text, cut with "…" to fit maxWidth. */
  fit(text: string, maxWidth: number, size: number): string;
}

export function measure(scale = 1): Measure {
  const width = (text: string, size: number): number => estimateEms(text) * size * scale;
  return {
    width,
    fit(text, maxWidth, size) {
      if (width(text, size) <= maxWidth) return text;
      let result = '';
      for (const c of text) {
        if (width(`${result}${c}…`, size) > maxWidth) break;
        result += c;
      }
      return `${result.trimEnd()}…`;
    },
  };
}
