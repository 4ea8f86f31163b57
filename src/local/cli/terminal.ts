/**
 * Text from data and file names, made safe to print on a terminal. A product name or a file
 * name can hold escape sequences (clear the screen, an OSC 8 link that shows one address and
 * opens another, an OSC 52 clipboard write, hidden text, a bare CR that overwrites the line) or
 * bidi overrides that reorder what is shown. Each such character is shown as a visible escape
 * (`\x1b`, `\u202e`) instead, so the text stays readable and nothing reaches the terminal as a
 * command. Newlines and tabs stay (messages span lines); CRLF counts as a newline.
 */

/**
 * C0 controls but tab and newline, DEL, C1 controls (U+0080–U+009F; 0x9B is a one-byte CSI),
 * a CR that does not end a line, and the bidi embeddings/overrides/isolates (U+202A–U+202E,
 * U+2066–U+2069).
 */
const UNSAFE = /\r(?!\n)|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

function visible(ch: string): string {
  const code = ch.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
}

/** `text` with every control character shown as a visible escape; CRLF becomes LF. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, visible).replace(/\r\n/g, "\n");
}

/**
 * The same characters as JSON `\u` escapes, for `--json`: JSON.stringify already escapes
 * U+0000–U+001F, but not DEL, the C1 controls or the bidi overrides.
 */
export function jsonTerminalSafe(json: string): string {
  return json.replace(
    /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/** Every string in `value` (a report: product, sheet and file names, messages) passed through terminalSafe. */
export function terminalSafeDeep<T>(value: T): T {
  if (typeof value === "string") return terminalSafe(value) as T;
  if (Array.isArray(value)) return value.map((v) => terminalSafeDeep(v)) as T;
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = terminalSafeDeep(v);
    return out as T;
  }
  return value;
}
