/**
 * Hostile cell text (issue 10): every number, date and duration parser decides long and
 * adversarial text by its results (the bench reports the time per call), invisible
 * characters are read past, signs are strict, and no -0 or non-finite number comes out.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type NumberReading,
  parseDayMonthParts,
  parseIsoLikeDate,
  parseMonthNameDate,
  parseNumberText,
  quickNumber,
  readDate,
  readNumber,
  readSeconds,
  stripInvisible,
} from "../../src/engine/cells";
import { recognizeTables } from "../../src/engine/recognize";
import { matchHeader } from "../../src/engine/recognize/headers";
import { headerKey } from "../../src/engine/recognize/normalize";
import { cellStyle } from "../../src/engine/recognize/numbers";

const INVISIBLES = ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u00ad", "\ufeff", "\u2060"];

/** Fragments real number, date and duration cells are made of, plus the characters attacks repeat. */
const FRAGMENTS = [
  ..."0123456789 ,.-−+()%/:~年月日万亿秒分hmsex¥$€₹".split(""),
  "US$",
  "\u00a0",
  "\u202f",
  "--",
  "Nov",
  "2026-11-22",
  ...INVISIBLES,
];

const shortText = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 24 }).map((parts) => parts.join(""));

/** A long run of one adversarial unit (digits, digit+separator pairs, spaces) with a tail that makes it fail late. */
const longText = fc
  .tuple(
    fc.constantFrom("9", "1 ", "1,", "1.", "1:", "1-", "1/", " ", "-", "(", "１", "1h", "1 分", "2026-11-22 ~ "),
    fc.integer({ min: 70, max: 50_000 }),
    fc.constantFrom("", "x", "%", ")", "5", "秒", " ~ 2026-11-30"),
    fc.constantFrom("", " ", "(", "$"),
  )
  .map(([unit, length, tail, head]) => head + unit.repeat(Math.ceil(length / unit.length)) + tail);

/** The digits a number text carries, for the "a long cell is refused" property. */
const visibleLength = (text: string) => stripInvisible(text).trim().length;

function isCleanNumber(reading: NumberReading): boolean {
  return reading.kind !== "number" || (Number.isFinite(reading.value) && !Object.is(reading.value, -0));
}

describe("long and adversarial text (property)", () => {
  it("text longer than any value (64 characters once trimmed) is refused by every parser", () => {
    fc.assert(
      fc.property(longText, (text) => {
        if (visibleLength(text) <= 64) return;
        expect(parseNumberText(text)).toMatchObject({ kind: "invalid", reason: "not-a-number" });
        expect(parseNumberText(text, ",")).toMatchObject({ kind: "invalid", reason: "not-a-number" });
        expect(readNumber(text).kind).toBe("invalid");
        expect(readSeconds(text).kind).toBe("invalid");
        expect(readDate(text).kind).toBe("invalid");
        expect(readDate(text, "dmy").kind).toBe("invalid");
        expect(parseIsoLikeDate(text)).toBeNull();
        expect(parseDayMonthParts(text)).toBeNull();
        expect(parseMonthNameDate(text)).toBeNull();
        expect(cellStyle(text, false)).toBe("none");
        expect(quickNumber(text)).toBeUndefined();
        expect(matchHeader(text)).toBeNull();
        // the message quotes the cell's start, never the whole 50,000 characters
        const reading = parseNumberText(text);
        if (reading.kind === "invalid") expect(reading.text.length).toBeLessThanOrEqual(40);
      }),
      { numRuns: 60 },
    );
  });

  it("whatever the text, a number read is finite and never -0", () => {
    fc.assert(
      fc.property(fc.oneof(shortText, longText), (text) => {
        expect(isCleanNumber(parseNumberText(text))).toBe(true);
        expect(isCleanNumber(parseNumberText(text, ","))).toBe(true);
        expect(isCleanNumber(readSeconds(text))).toBe(true);
        const quick = quickNumber(text);
        if (quick !== undefined) expect(Object.is(quick, -0)).toBe(false);
      }),
      { numRuns: 400 },
    );
  });

  it("invisible characters anywhere change nothing a parser reads", () => {
    const withInvisibles = fc
      .tuple(shortText, fc.array(fc.tuple(fc.nat(), fc.constantFrom(...INVISIBLES)), { maxLength: 4 }))
      .map(([text, inserts]) => {
        let out = stripInvisible(text);
        const clean = out;
        for (const [at, ch] of inserts) {
          const i = at % (out.length + 1);
          out = out.slice(0, i) + ch + out.slice(i);
        }
        return [clean, out] as const;
      });
    const value = (r: NumberReading) => (r.kind === "number" ? [r.value, r.percent] : r.kind);
    fc.assert(
      fc.property(withInvisibles, ([clean, dirty]) => {
        expect(value(parseNumberText(dirty))).toEqual(value(parseNumberText(clean)));
        expect(value(parseNumberText(dirty, ","))).toEqual(value(parseNumberText(clean, ",")));
        const date = (t: string) => {
          const d = readDate(t);
          return d.kind === "date" ? [d.iso, d.to] : d.kind;
        };
        expect(date(dirty)).toEqual(date(clean));
        expect(value(readSeconds(dirty))).toEqual(value(readSeconds(clean)));
        expect(cellStyle(dirty, false)).toBe(cellStyle(clean, false));
        expect(headerKey(dirty)).toBe(headerKey(clean));
      }),
      { numRuns: 400 },
    );
  });
});

const n = (text: string, mark: "." | "," = ".") => {
  const r = parseNumberText(text, mark);
  return r.kind === "number" ? r.value : r.kind;
};

describe("invisible characters", () => {
  it("are removed before header matching", () => {
    expect(matchHeader("访客数\u200b")?.field).toBe("visitors");
    expect(matchHeader("\ufeff访客数")?.field).toBe("visitors");
    expect(matchHeader("支付\u00ad买家数")?.field).toBe("paidBuyers");
    expect(matchHeader("\u200e访客数\u200f")?.field).toBe("visitors");
    expect(matchHeader("访\u2060客\u200d数")?.field).toBe("visitors");
    expect(matchHeader("访客数\u00a0")?.field).toBe("visitors");
  });

  it("are removed before number parsing; no-break spaces follow the locale's grouping", () => {
    expect(n("1\u200b234")).toBe(1234);
    expect(n("\ufeff1,234")).toBe(1234);
    expect(n("12.5%\u200e")).toBe(0.125);
    expect(n("\u200f-12")).toBe(-12);
    expect(n("¥\u206099.50")).toBe(99.5);
    expect(n("-\u200b")).toBe("blank");
    // a no-break space groups thousands: 1 234 with a decimal point, 1 234,5 with a decimal comma
    expect(n("1\u00a0234")).toBe(1234);
    expect(n("1\u202f234")).toBe(1234);
    expect(n("1\u00a0234,5", ",")).toBe(1234.5);
    expect(cellStyle("1\u200b234,56", false)).toBe("comma");
    expect(readDate("2026-11-22\u200b")).toEqual({ kind: "date", iso: "2026-11-22", to: null });
    expect(readSeconds("\ufeff00:01:23")).toEqual({ kind: "number", value: 83, percent: false });
  });

  it("a table whose headers and cells carry them is read as if they were not there", () => {
    const [t] = recognizeTables([
      {
        name: "S",
        values: [
          ["\ufeff日期", "访客数\u200b", "支付买家数\u200e", "支付金额\u00a0"],
          ["2026-11-01", "1\u200b000", "35", "¥8,330.00\u200b"],
        ],
      },
    ]);
    expect(Object.keys(t.columns)).toEqual(expect.arrayContaining(["date", "visitors", "paidBuyers", "sales"]));
    expect(t.rows[0]).toMatchObject({ date: "2026-11-01", visitors: 1000, paidBuyers: 35, sales: 8330 });
  });
});

describe("signs", () => {
  it("double and bracketed negatives are not numbers", () => {
    for (const text of ["--5", "- -5", "−−5", "-−5", "(-5)", "(−5)", "+-5", "-+5", "-$-5", "($-5)", "(+5)", "--5%"]) {
      expect(n(text), text).toBe("invalid");
    }
  });
  it("one sign is read: a minus before or after the currency mark, or accounting brackets", () => {
    expect(n("-5")).toBe(-5);
    expect(n("−5")).toBe(-5);
    expect(n("+5")).toBe(5);
    expect(n("(5)")).toBe(-5);
    expect(n("($12.00)")).toBe(-12);
    expect(n("$-12.00")).toBe(-12);
    expect(n("-$12.00")).toBe(-12);
    expect(n("- 5")).toBe(-5);
  });
  it("zero has no sign", () => {
    for (const text of ["-0", "-0.00", "(0)", "-0%", "-¥0.00", "-0万"]) expect(Object.is(n(text), 0), text).toBe(true);
    const zero = readNumber(-0);
    expect(zero.kind === "number" && Object.is(zero.value, 0)).toBe(true);
    expect(Object.is(quickNumber(-0), 0)).toBe(true);
    expect(Object.is(quickNumber("-0"), 0)).toBe(true);
  });
  it("a number too large for a double is refused, not Infinity", () => {
    expect(parseNumberText("1e400")).toMatchObject({ kind: "invalid", reason: "non-finite" });
    expect(parseNumberText("1e305万")).toMatchObject({ kind: "invalid", reason: "non-finite" });
    expect(parseNumberText("9".repeat(400))).toMatchObject({ kind: "invalid", reason: "not-a-number" });
  });
  it("an invalid Date is named as one, never NaN-NaN-NaN", () => {
    expect(readNumber(new Date(Number.NaN))).toEqual({ kind: "invalid", reason: "date", text: "Invalid Date" });
    expect(readSeconds(new Date(Number.NaN))).toEqual({ kind: "invalid", reason: "date", text: "Invalid Date" });
  });
});
