/**
 * Text helpers for chat messages: cutting to a length without splitting a character, and
 * making report text (product, sheet and file names can hold anything) inert in each
 * platform's markup. Pure: no Node APIs.
 */

const ELLIPSIS = "…";

/**
 * Code points that belong to the character before them: combining marks, variation selectors,
 * emoji skin tones, zero-width joiners (and the character a joiner glues on). A cut never lands
 * in front of one of these, so an "é" written as "e" plus a combining accent, or an emoji with a
 * skin tone, stays whole.
 */
const CLINGS = /^(?:\p{M}|\u200d|[\ufe00-\ufe0f]|[\u{1f3fb}-\u{1f3ff}]|[\u{e0020}-\u{e007f}])$/u;

const REGIONAL = /^[\u{1f1e6}-\u{1f1ff}]$/u;

/** The longest prefix of `points` of at most `max` code points that ends on a character boundary. */
function boundary(points: string[], max: number): number {
  let end = Math.min(max, points.length);
  while (end > 0 && end < points.length && (CLINGS.test(points[end]) || points[end - 1] === "\u200d")) end--;
  // A flag is two regional indicators: do not keep the first without the second.
  let indicators = 0;
  while (indicators < end && REGIONAL.test(points[end - 1 - indicators])) indicators++;
  if (indicators % 2 === 1 && end < points.length && REGIONAL.test(points[end])) end--;
  return end;
}

/** Length in code points (what Slack and Feishu count as characters; a CJK character is one). */
export function charLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** Length in UTF-8 bytes (what WeCom counts). */
export function byteLength(text: string): number {
  let n = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

/** `text` cut to at most `max` code points, ending in "…" when cut, never inside a character. */
export function truncateChars(text: string, max: number): string {
  const points = Array.from(text);
  if (points.length <= max) return text;
  return points.slice(0, boundary(points, Math.max(0, max - 1))).join("") + ELLIPSIS;
}

/** `text` cut to at most `max` UTF-8 bytes, ending in "…" when cut, never inside a character. */
export function truncateBytes(text: string, max: number): string {
  if (byteLength(text) <= max) return text;
  const points = Array.from(text);
  const room = max - byteLength(ELLIPSIS);
  let bytes = 0;
  let end = 0;
  while (end < points.length && bytes + byteLength(points[end]) <= room) bytes += byteLength(points[end++]);
  return points.slice(0, boundary(points, end)).join("") + ELLIPSIS;
}

/**
 * One line of plain text: control characters and bidi overrides removed, line breaks and
 * runs of spaces folded to one space, so a name cannot start a new heading or list item.
 * The edges are kept (catalogue text like "Full report: " ends in a space that matters).
 */
export function oneLine(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ")
    .replace(/[\u202a-\u202e\u2066-\u2069]/g, "")
    .replace(/\s{2,}/g, " ");
}

/**
 * Plain text inside DingTalk / WeCom markdown: the punctuation that makes emphasis, code, links
 * and images is backslash-escaped (as is a leading #, >, + or -, which would start a heading,
 * quote or list), and angle brackets become their full-width forms, so text from the data
 * cannot make a link, an HTML tag (`<font>`) or a WeCom mention (`<@userid>`).
 */
export function escapeMarkdown(text: string): string {
  return oneLine(text)
    .replace(/[\\`*_[\]~|]/g, (ch) => `\\${ch}`)
    .replace(/^(\s*)([#>+-])/, (_m, space: string, ch: string) => `${space}\\${ch}`)
    .replace(/</g, "＜")
    .replace(/>/g, "＞");
}

/** Plain text inside Slack mrkdwn: the three characters Slack asks to escape (&, <, >). */
export function escapeSlack(text: string): string {
  return oneLine(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * A report link that is safe to put in markup: an absolute http(s) URL without spaces, quotes,
 * angle brackets or control characters; anything else is treated as a name, not a link.
 */
export function safeLink(url: string | undefined): string | null {
  if (!url || !/^https?:\/\/[^\s"'<>\\`\u0000-\u001f\u007f-\u009f]+$/i.test(url)) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : null;
  } catch {
    return null;
  }
}
