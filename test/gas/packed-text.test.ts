/**
 * The packed text that carries the gzipped server half in a comment of build/Code.js
 * (src/gas/packed-text.ts): basE91 with `-` in place of `*`.
 */
import fc from "fast-check";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { decodePacked, encodePacked, PACKED_ALPHABET } from "../../src/gas/packed-text";
import { createFakeGoogle } from "../../src/local/fake";

/** decodePacked gives Java's signed bytes; these are the same bytes as 0–255. */
const unsigned = (bytes: number[]) => bytes.map((b) => b & 255);
const ascii = (text: string) => [...Buffer.from(text, "ascii")];

describe("the packed-text alphabet", () => {
  it("is 91 distinct printable ASCII characters without `*`, space, quote or backslash", () => {
    expect(PACKED_ALPHABET.length).toBe(91);
    expect(new Set(PACKED_ALPHABET).size).toBe(91);
    for (const c of PACKED_ALPHABET) expect(c.charCodeAt(0), c).toBeGreaterThan(32);
    for (const c of PACKED_ALPHABET) expect(c.charCodeAt(0), c).toBeLessThan(127);
    for (const banned of ["*", " ", "'", "\\"]) expect(PACKED_ALPHABET).not.toContain(banned);
  });
});

describe("encodePacked and decodePacked", () => {
  it("agree with basE91's published examples (none of whose digits is the replaced `*`)", () => {
    expect(encodePacked(ascii("test"))).toBe("fPNKd");
    expect(encodePacked(ascii("Hello, World!"))).toBe(">OwJh>}AQ;r@@Y?F");
    expect(decodePacked("fPNKd")).toEqual(ascii("test"));
  });

  it("writes `-` where basE91 writes `*` (digit 69)", () => {
    // One byte 69: digit 69 mod 91 = 69 ("-", where basE91 has "*"), then ⌊69 ÷ 91⌋ = 0 ("A").
    expect(encodePacked([69])).toBe("-A");
    expect(decodePacked("-A")).toEqual([69]);
  });

  it("maps empty input to empty text and back", () => {
    expect(encodePacked([])).toBe("");
    expect(decodePacked("")).toEqual([]);
  });

  it("round-trips all 256 byte values, returned as signed bytes (255 → −1, 128 → −128)", () => {
    const all = Array.from({ length: 256 }, (_, i) => i);
    const back = decodePacked(encodePacked(all));
    expect(unsigned(back)).toEqual(all);
    expect(back[255]).toBe(-1);
    expect(back[128]).toBe(-128);
    expect(back[127]).toBe(127);
    // One byte 255: digit 255 mod 91 = 73 ("/"), then ⌊255 ÷ 91⌋ = 2 ("C").
    expect(encodePacked([255])).toBe("/C");
    expect(decodePacked("/C")).toEqual([-1]);
  });

  it("reads signed input bytes modulo 256, as Blob.getBytes gives them", () => {
    expect(encodePacked([-1, -128])).toBe(encodePacked([255, 128]));
  });

  it("round-trips random bytes, in alphabet characters only, so never `*/`", () => {
    const alphabet = new Set(PACKED_ALPHABET);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        const text = encodePacked(bytes);
        expect(text).not.toContain("*/");
        for (const c of text) expect(alphabet.has(c), c).toBe(true);
        expect(unsigned(decodePacked(text))).toEqual([...bytes]);
        // Each pair of characters carries 13 or 14 bits, and a last character carries what is left:
        // at most 2 × ⌈8n ÷ 13⌉ characters, against base-64's 4 × ⌈n ÷ 3⌉.
        expect(text.length).toBeLessThanOrEqual(2 * Math.ceil((8 * bytes.length) / 13));
      }),
      { numRuns: 300 },
    );
  });

  it("refuses a character outside the alphabet instead of decoding around it", () => {
    expect(() => decodePacked("fP*Kd")).toThrow(/unexpected character at 2/);
    expect(() => decodePacked("fP Kd")).toThrow(/unexpected character at 2/);
  });

  it("feeds the fake's Utilities.newBlob + ungzip as build/Code.js does, CJK text intact", () => {
    const u = createFakeGoogle().globals.Utilities;
    const text = "店铺体检报告 · Shop health report ".repeat(200);
    const packed = encodePacked(gzipSync(Buffer.from(text, "utf8")));
    const blob = u.newBlob(decodePacked(packed), "application/x-gzip");
    expect(u.ungzip(blob).getDataAsString("UTF-8")).toBe(text);
  });
});
