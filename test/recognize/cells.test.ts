/** The cell readers recognition added to src/engine/cells.ts: dates with a column-wide order, durations, 万. */
import { describe, expect, it } from "vitest";
import { decideDayMonthOrder, parseDayMonthParts, readDate, readNumber, readSeconds } from "../../src/engine/cells";
import { recognizeTables } from "../../src/engine";

const parts = (...texts: string[]) => texts.map((t) => parseDayMonthParts(t)!);

describe("decideDayMonthOrder", () => {
  it("takes the order a part above 12 proves", () => {
    expect(decideDayMonthOrder(parts("1/13/26", "1/2/26"))).toEqual({
      order: "mdy",
      ambiguous: false,
      conflicting: false,
    });
    expect(decideDayMonthOrder(parts("13/1/26", "2/1/26"))).toEqual({
      order: "dmy",
      ambiguous: false,
      conflicting: false,
    });
  });
  it("lets consecutive days settle a column where every part is ≤ 12", () => {
    expect(decideDayMonthOrder(parts("04/01/26", "04/02/26", "04/03/26")).order).toBe("mdy");
    expect(decideDayMonthOrder(parts("01/04/26", "02/04/26", "03/04/26")).order).toBe("dmy");
  });
  it("flags a column it cannot settle, and one that mixes both orders", () => {
    expect(decideDayMonthOrder(parts("03/04/26"))).toEqual({ order: "mdy", ambiguous: true, conflicting: false });
    expect(decideDayMonthOrder(parts("05/05/26")).ambiguous).toBe(false);
    expect(decideDayMonthOrder(parts("1/13/26", "13/1/26", "1/14/26")).conflicting).toBe(true);
  });
});

describe("readDate", () => {
  it("reads every documented form", () => {
    const iso = (cell: unknown, order: "mdy" | "dmy" = "mdy") => {
      const r = readDate(cell as never, order);
      return r.kind === "date" ? [r.iso, r.to] : r.kind;
    };
    expect(iso(new Date(2026, 10, 22))).toEqual(["2026-11-22", null]);
    expect(iso("2026-11-22")).toEqual(["2026-11-22", null]);
    expect(iso("2026/11/22")).toEqual(["2026-11-22", null]);
    expect(iso("20261122")).toEqual(["2026-11-22", null]);
    expect(iso(20261122)).toEqual(["2026-11-22", null]);
    expect(iso("11/22/26")).toEqual(["2026-11-22", null]);
    expect(iso("22/11/26", "dmy")).toEqual(["2026-11-22", null]);
    expect(iso("2026-05-01~2026-05-31")).toEqual(["2026-05-01", "2026-05-31"]);
    expect(iso("2026-05-01 至 2026-05-31")).toEqual(["2026-05-01", "2026-05-31"]);
    expect(iso(46348)).toEqual(["2026-11-22", null]);
    expect(iso("2026-02")).toEqual(["2026-02-01", "2026-02-28"]);
    expect(iso("Nov 01, 2026")).toEqual(["2026-11-01", null]);
    expect(iso("1 November 2026")).toEqual(["2026-11-01", null]);
    expect(iso("01-Nov-26")).toEqual(["2026-11-01", null]);
    expect(iso("Sept 3, 2026")).toEqual(["2026-09-03", null]);
    expect(iso("Foo 3, 2026")).toBe("invalid");
    expect(iso("2024年2月")).toEqual(["2024-02-01", "2024-02-29"]);
    expect(iso("-")).toBe("blank");
    expect(iso("")).toBe("blank");
    expect(iso("2026-02-30")).toBe("invalid");
    expect(iso("22/11/26", "mdy")).toBe("invalid");
    expect(iso("2026-05-31~2026-05-01")).toBe("invalid");
    expect(iso(new Date(1899, 11, 30, 0, 1, 23))).toBe("invalid");
  });
});

describe("readSeconds and big-number units", () => {
  it("reads durations in the forms exports use", () => {
    const sec = (cell: unknown) => {
      const r = readSeconds(cell as never);
      return r.kind === "number" ? r.value : r.kind;
    };
    expect([
      sec(83),
      sec("83"),
      sec("83秒"),
      sec("83s"),
      sec("1:23"),
      sec("00:01:23"),
      sec("1分23秒"),
      sec("1h 2m 3s"),
    ]).toEqual([83, 83, 83, 83, 83, 83, 83, 3723]);
    expect(sec(new Date(1899, 11, 30, 1, 0, 5))).toBe(3605);
    expect(sec("-")).toBe("blank");
    expect(sec("slow")).toBe("invalid");
  });
  it("reads 万 and 亿 as copied from the back-office UI", () => {
    const n = (t: string) => {
      const r = readNumber(t);
      return r.kind === "number" ? r.value : r.kind;
    };
    expect(n("1.23万")).toBe(12300);
    expect(n("￥2.5万")).toBe(25000);
    expect(n("1.5亿")).toBe(150000000);
    expect(n("万")).toBe("invalid");
  });
});

describe("tables recognition cannot read", () => {
  it("explains metrics listed down a column instead of across", () => {
    const [t] = recognizeTables([
      {
        name: "概况",
        values: [
          ["指标", "本店", "同行同层平均"],
          ["访客数", 1200, 1500],
          ["支付转化率", "2.1%", "3.0%"],
          ["客单价", 150, 140],
        ],
      },
    ]);
    expect(t.kind).toBe("unknown");
    expect(t.reason).toMatch(/lists metrics down a column \("访客数", "支付转化率", "客单价"/);
  });
  it("reports a date column that mixes day/month orders", () => {
    const [t] = recognizeTables([
      {
        name: "S",
        values: [
          ["Date", "Sessions"],
          ["1/13/26", 1],
          ["13/1/26", 2],
          ["1/14/26", 3],
        ],
      },
    ]);
    expect(t.rows.map((r) => r.date)).toEqual(["2026-01-13", null, "2026-01-14"]);
    expect(t.issues.map((i) => [i.code, i.row])).toEqual([
      ["mixed-date-order", 1],
      ["not-a-date", 3],
    ]);
  });
});
