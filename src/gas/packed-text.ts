/**
 * Bytes as printable ASCII text, denser than base-64: basE91 (each 13 or 14 bits as two of 91
 * characters, ≈ 1.23 characters a byte against base-64's 1.33). It carries the gzipped server
 * half inside a block comment of build/Code.js (scripts/build.ts), so the alphabet is basE91's
 * with `*` replaced by `-`: without `*`, no `*\/` can ever close that comment early. *
 * The decoder ships in build/Code.js (the loader of the server half calls it once); the encoder
 * runs only in the build.
 */

/** 91 printable ASCII characters: A–Z a–z 0–9 and 29 marks; not `*` (so never `*\/`), space, `'` or `\`. */
export const PACKED_ALPHABET =
  'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$%&()-+,./:;<=>?@[]^_`{|}~"';

/** The text of `bytes` (each 0–255; signed values −128…−1 are read modulo 256 too). */
export function encodePacked(bytes: ArrayLike<number>): string {
  const a = PACKED_ALPHABET;
  let out = "";
  let queue = 0;
  let bits = 0;
  for (let i = 0; i < bytes.length; i++) {
    queue |= (bytes[i] & 255) << bits;
    bits += 8;
    if (bits > 13) {
      let value = queue & 8191;
      if (value > 88) {
        queue >>= 13;
        bits -= 13;
      } else {
        value = queue & 16383;
        queue >>= 14;
        bits -= 14;
      }
      out += a[value % 91] + a[Math.floor(value / 91)];
    }
  }
  if (bits > 0) {
    out += a[queue % 91];
    if (bits > 7 || queue > 90) out += a[Math.floor(queue / 91)];
  }
  return out;
}

/**
 * The bytes of `text` made by encodePacked, as Java's signed bytes (−128…127), the values
 * Utilities.newBlob takes as a Byte[] in Apps Script. A character outside the alphabet throws.
 */
export function decodePacked(text: string): number[] {
  const digits: number[] = [];
  for (let c = 0; c < 128; c++) digits.push(-1);
  for (let i = 0; i < 91; i++) digits[PACKED_ALPHABET.charCodeAt(i)] = i;
  // Two characters carry at most 14 bits, so at most 7 bytes per 8 characters (and one for a last odd
  // character). Allocated once, trimmed at the end: about half the time of growing it by push (Node 20).
  const out: number[] = new Array(Math.ceil((text.length * 7) / 8) + 1);
  let n = 0;
  let queue = 0;
  let bits = 0;
  let value = -1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const digit = code < 128 ? digits[code] : -1;
    if (digit < 0) throw new Error(`packed text: unexpected character at ${i}`);
    if (value < 0) {
      value = digit;
      continue;
    }
    value += digit * 91;
    queue |= value << bits;
    bits += (value & 8191) > 88 ? 13 : 14;
    do {
      out[n++] = ((queue & 255) << 24) >> 24;
      queue >>= 8;
      bits -= 8;
    } while (bits > 7);
    value = -1;
  }
  if (value >= 0) out[n++] = (((queue | (value << bits)) & 255) << 24) >> 24;
  out.length = n;
  return out;
}
