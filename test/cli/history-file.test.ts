/** `--history FILE.csv`: the CLI keeps the same rows as the History sheet and reports what changed. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type CliIo, runCli } from "../../src/local/cli/main";
import { parseDelimitedText } from "../../src/readers/delimited";

const dir = mkdtempSync(join(tmpdir(), "sd-history-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    env: { NO_COLOR: "1" },
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

const HEADER = "统计日期,访客数,浏览量,支付金额,支付买家数,支付转化率,客单价,跳失率";
const line = (date: string, visitors: number, buyers: number, sales: number) =>
  `${date},${visitors},${visitors * 3},${sales},${buyers},${((100 * buyers) / visitors).toFixed(2)}%,${(sales / buyers).toFixed(2)},50.00%`;
const WEEK = ["01", "02", "03", "04", "05", "06", "07"].map((d) => line(`2026-10-${d}`, 1000, 20, 2000));

describe("--history", () => {
  it("records one row per period, replaces a re-run, and the JSON report carries the deltas", async () => {
    const data = join(dir, "店铺日报.csv");
    const history = join(dir, "history.csv");
    writeFileSync(data, [HEADER, ...WEEK].join("\n"));
    expect((await cli(["diagnose", data, "--history", history, "--json"])).code).toBe(0);
    expect((await cli(["diagnose", data, "--history", history, "--json"])).code).toBe(0);
    expect(parseDelimitedText(readFileSync(history, "utf8").replace(/^\ufeff/, ""))).toHaveLength(2);
    // The next day: 1,000 visitors, 30 buyers, ¥4,500.
    writeFileSync(data, [HEADER, ...WEEK, line("2026-10-08", 1000, 30, 4500)].join("\n"));
    const run = await cli(["diagnose", data, "--history", history, "--json"]);
    expect(run.code).toBe(0);
    const rows = parseDelimitedText(readFileSync(history, "utf8").replace(/^\ufeff/, ""));
    expect(rows.map((r) => r.slice(1, 3))).toEqual([
      ["数据起始日", "数据截止日"],
      ["2026-10-01", "2026-10-07"],
      ["2026-10-01", "2026-10-08"],
    ]);
    const report = JSON.parse(run.stdout);
    const sales = report.sinceLast.deltas.find((d: { metric: string }) => d.metric === "sales");
    // 7 × ¥2,000 = ¥14,000 → ¥18,500: +¥4,500, 4,500 ÷ 14,000 = +32.14%.
    expect(sales).toEqual({
      metric: "sales",
      before: 14000,
      now: 18500,
      change: 4500,
      ratio: 4500 / 14000,
      missing: null,
    });
    expect(report.sinceLast.previous).toMatchObject({ from: "2026-10-01", to: "2026-10-07" });
    expect(report.scoreHistory).toHaveLength(2);
    // The terminal summary says the same in a few lines (the same day again: the row is replaced,
    // and the last run of another period is still 10-01 ~ 10-07).
    const text = (await cli(["diagnose", data, "--history", history])).stdout;
    expect(text).toContain("自上次诊断以来");
    expect(text).toMatch(/销售额: ¥14,000\.00 → ¥18,500\.00 \(\+¥4,500\.00\)/);
    // 7,000 → 8,000 visitors; conversion 140 ÷ 7,000 = 2.00 % → 170 ÷ 8,000 = 2.125 % (+0.13 points, rounded).
    expect(text).toMatch(/访客数: 7,000 → 8,000 \(\+1,000\)/);
    expect(text).toMatch(/支付转化率: 2\.00% → 2\.13% \(\+0\.13 /);
  });

  it("refuses a file that is not a history file, and leaves it alone", async () => {
    const data = join(dir, "d.csv");
    const other = join(dir, "orders.csv");
    writeFileSync(data, [HEADER, ...WEEK].join("\n"));
    writeFileSync(other, "订单号,金额\n1,2\n");
    const run = await cli(["diagnose", data, "--history", other]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain("is not a Shop Doctor history file");
    expect(readFileSync(other, "utf8")).toBe("订单号,金额\n1,2\n");
  });
});
