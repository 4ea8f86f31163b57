/**
 * `npx shop-doctor diagnose samples/douyin-live-shop/*` finds every problem the sample's README
 * plants, with the figures worked there (the real bin, every file of the folder, README included).
 */
import { execFile } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import type { Report } from "../../src/engine";

const run = promisify(execFile);
const ROOT = join(__dirname, "..", "..");
const DIR = join(ROOT, "samples", "douyin-live-shop");

describe("the 抖音 live-commerce sample through the CLI", () => {
  it("finds every planted problem", { timeout: 60_000 }, async () => {
    const files = readdirSync(DIR).map((f) => join(DIR, f));
    const { stdout } = await run(
      process.execPath,
      [join(ROOT, "bin", "shop-doctor.mjs"), "diagnose", ...files, "--json"],
      {
        cwd: ROOT,
        maxBuffer: 20 * 1024 * 1024,
      },
    );
    const report = JSON.parse(stdout) as Report;
    const find = (rule: string, subject: string) =>
      report.findings.find((f) => f.rule === rule && f.subject === subject);
    // 1. 48 ÷ 960 = 5 % click-to-pay against the room's median 10 %: 48 × ¥300 × (10 % ÷ 5 % − 1) = ¥14,400
    expect(find("live-funnel", "暖冬旗舰店直播间")).toMatchObject({
      status: "bad",
      value: 0.05,
      benchmark: 0.1,
      impact: 14400,
    });
    // 2. entry 10 % against 15 %: 12 × ¥200 × (15 % ÷ 10 % − 1) = ¥1,200
    const kids = find("live-funnel", "暖冬童装直播间");
    expect(kids).toMatchObject({ status: "warn", impact: 1200 });
    expect(kids!.value).toBeCloseTo(0.1, 12);
    expect(kids!.benchmark).toBeCloseTo(0.15, 12);
    // 3. gross 520 ÷ 400 = 1.3 ≥ 1, net 320 ÷ 400 = 0.8: loses 400 − 320 = ¥80 a day
    expect(find("qianchuan-net-roi", "围巾-全域-收割")).toMatchObject({
      status: "bad",
      value: 0.8,
      benchmark: 1,
      impact: 80,
      impactBasis: "day",
    });
    // 4. the last 7 days (15–21 November) are provisional
    expect(find("qianchuan-net-roi", "全域推广数据_计划_20261101_20261121")?.message).toContain(
      "2026-11-15 ~ 2026-11-21",
    );
    // 5. 1,500 visitors, no sales
    expect(find("zero-sales-products", "儿童雪地靴")?.status).toBe("bad");
    // 6. 直播 brings 655,800 of 778,300 = 84.26 %, over the 80 % line
    const live = report.findings.find((f) => f.rule === "carrier-mix" && f.subject === "直播" && f.status === "warn");
    expect(live?.value).toBeCloseTo(655_800 / 778_300, 12);
    expect(live?.benchmark).toBe(0.8);
    // 7. 短视频: 42,000 ÷ 275,700 = 15.23 % → 7,000 ÷ 225,100 = 3.11 %; (42,000 − 7,000) ÷ 7 = ¥5,000 a day
    const video = find("carrier-mix", "短视频");
    expect(video).toMatchObject({ status: "warn", impact: 5000, impactBasis: "day" });
    expect(video!.value).toBeCloseTo(7_000 / 225_100, 12);
    expect(video!.benchmark).toBeCloseTo(42_000 / 275_700, 12);
    // 商品卡 converts best: 15 ÷ 125 = 12 % of product clickers
    expect(report.findings.find((f) => f.rule === "carrier-mix" && f.metric === "carrierConversion")).toMatchObject({
      status: "good",
      subject: "商品卡",
      value: 0.12,
    });
    // the bare rows are no duplicated dates
    expect(report.findings.filter((f) => f.message.includes("重复"))).toEqual(
      report.findings.filter((f) => f.message.includes("不算重复")),
    );
  });
});
