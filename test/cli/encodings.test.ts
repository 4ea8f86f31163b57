/**
 * Reading exports as they really arrive: mixed line endings in one file, and the legacy
 * encodings of Taiwan/Hong Kong (Big5), mainland tools with English headers (GBK), Europe
 * (Windows-1252), Japan (Shift_JIS) and UTF-16 without a BOM — each decoded right, the assumed
 * encoding reported, and `--encoding` to force one. The fixtures in test/fixtures/encodings are
 * the real header layouts (PEERS.md §2a/§2d, PEERS-2.md a1 Shopee and Rakuten rows) converted
 * with iconv (`iconv -f UTF-8 -t BIG5|GBK|WINDOWS-1252|CP932|UTF-16LE|UTF-16BE`).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli, type CliIo } from "../../src/local/cli/main";
import { readExportFile } from "../../src/readers/delimited";

const ROOT = join(__dirname, "..", "..");
const ENCODINGS = join(__dirname, "..", "fixtures", "encodings");
const SAMPLE = join(ROOT, "samples", "sample-shop", "店铺日报.csv");
const dir = mkdtempSync(join(tmpdir(), "shop-doctor-enc-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fixture(name: string): string {
  return join(ENCODINGS, name);
}

/** Runs the CLI in-process and collects what it prints. */
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

describe("mixed line endings", () => {
  it("reads every row when CRLF, LF and bare CR alternate in one file", () => {
    const expected = readExportFile(SAMPLE);
    // The sample day table: a header and 31 days = 32 lines. Line i ends with CRLF, LF or CR in turn.
    const lines = readFileSync(SAMPLE, "utf8").replace(/\r\n/g, "\n").replace(/\n$/, "").split("\n");
    expect(lines).toHaveLength(32);
    const endings = ["\r\n", "\n", "\r"];
    const mixed = lines.map((line, i) => line + endings[i % 3]).join("");
    const path = join(dir, "店铺日报-mixed.csv");
    writeFileSync(path, mixed);
    const sheet = readExportFile(path);
    expect(sheet.values).toHaveLength(32);
    expect(sheet.values).toEqual(expected.values);
    // No cell swallowed a line break (a merged row would hold "…\r2026-10-03" in one cell).
    expect(sheet.values.flat().some((c) => typeof c === "string" && /[\r\n]/.test(c))).toBe(false);
  });
});

describe("legacy encodings and UTF-16 without a BOM", () => {
  it("Big5 (a Taiwan 生意参谋 day table in traditional characters)", () => {
    const sheet = readExportFile(fixture("sycm-shop-daily-big5.csv"));
    expect(sheet.encoding).toBe("big5");
    expect(sheet.encodingGuessed).toBe(true);
    expect(sheet.values[0][0]).toBe("店鋪經營概況（所有終端）");
    expect(sheet.values[1].slice(0, 6)).toEqual([
      "統計日期",
      "訪客數",
      "瀏覽量",
      "支付金額",
      "支付買家數",
      "支付轉化率",
    ]);
    expect(sheet.values[2].slice(0, 4)).toEqual(["2026/11/01", 1062, 3279, "NT$31,188.12"]);
    expect(sheet.values).toHaveLength(6);
  });

  it("GBK with English headers (a Shopee export with Chinese product names)", () => {
    const sheet = readExportFile(fixture("shopee-products-gbk-english-headers.csv"));
    expect(sheet.encoding).toBe("gb18030");
    expect(sheet.values[0].slice(0, 3)).toEqual(["Item ID", "Product", "Current Item Status"]);
    expect(sheet.values.slice(1).map((r) => r[1])).toEqual([
      "加绒保暖打底裤 女款",
      "羊毛混纺针织帽",
      "摇粒绒围巾（灰色）",
    ]);
    // Sales (Placed Order): 1520.00 + 880.00 + 396.00 = 2796
    const sales = sheet.values.slice(1).reduce((sum, r) => sum + (r[7] as number), 0);
    expect(sales).toBe(2796);
  });

  it("Windows-1252 (Amazon.de by date: € is byte 0x80 and – is 0x96, not control characters)", () => {
    const sheet = readExportFile(fixture("amazon-de-by-date-windows-1252.csv"));
    expect(sheet.encoding).toBe("windows-1252");
    expect(sheet.values[0][3]).toBe("Sitzungen – Summe");
    expect(sheet.values[1][1]).toBe("1.234,56 €");
    expect(sheet.values.flat().join("")).not.toMatch(/[\u0080-\u009f]/);
  });

  it("Shift_JIS (a Rakuten 商品分析 CSV with its four preface lines)", () => {
    const sheet = readExportFile(fixture("rakuten-item-analysis-shift-jis.csv"));
    expect(sheet.encoding).toBe("shift_jis");
    expect(sheet.values[2].slice(0, 2)).toEqual(["店舗", "ぽかぽか防寒ストア"]);
    const header = sheet.values[5];
    expect(header.slice(0, 5)).toEqual(["#", "ジャンル", "カタログID", "商品ID", "商品名"]);
    expect(header).toHaveLength(28);
    expect(sheet.values[6][4]).toBe("裏起毛レギンス 黒");
    // 売上 128000 + 54000 = 182000
    expect((sheet.values[6][7] as number) + (sheet.values[7][7] as number)).toBe(182000);
  });

  it("UTF-16LE and UTF-16BE without a BOM (tab-separated, as some tools save 'Unicode text')", () => {
    for (const [name, encoding] of [
      ["sycm-shop-daily-utf16le-nobom.txt", "utf-16le"],
      ["sycm-shop-daily-utf16be-nobom.txt", "utf-16be"],
    ]) {
      const sheet = readExportFile(fixture(name));
      expect(sheet.encoding).toBe(encoding);
      expect(sheet.values).toEqual([
        ["统计日期", "访客数", "浏览量", "支付金额", "支付买家数", "支付转化率"],
        ["2026-11-01", 1062, 3279, 31188.12, 28, "2.64%"],
        ["2026-11-02", 1404, 4500, 39506.18, 36, "2.56%"],
      ]);
    }
  });

  it("--encoding forces one: the Big5 file read as GBK is garbled, read as big5 it is right", () => {
    const wrong = readExportFile(fixture("sycm-shop-daily-big5.csv"), "gb18030");
    expect(wrong.values[1][1]).not.toBe("訪客數");
    expect(wrong.encodingGuessed).toBe(false);
    const right = readExportFile(fixture("sycm-shop-daily-big5.csv"), "big5");
    expect(right.values[1][1]).toBe("訪客數");
  });
});

describe("the CLI reports the encoding it assumed", () => {
  it("notes a guessed Big5 file on stderr, with the --encoding hint", async () => {
    const result = await cli(["diagnose", fixture("sycm-shop-daily-big5.csv")]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("sycm-shop-daily-big5.csv: not UTF-8; read as Big5");
    expect(result.stderr).toContain("--encoding");
    // The traditional headers were read: the summary names the shop table it recognised.
    expect(result.stdout).toContain("sycm-shop-daily-big5");
  });

  it("--encoding big5 reads it without a note; an unknown encoding is a usage error", async () => {
    const forced = await cli(["diagnose", "--encoding", "big5", fixture("sycm-shop-daily-big5.csv")]);
    expect(forced.code).toBe(0);
    expect(forced.stderr).toBe("");
    const unknown = await cli(["diagnose", "--encoding", "klingon", fixture("sycm-shop-daily-big5.csv")]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("--encoding klingon is not an encoding");
  });
});

describe("file names starting with -", () => {
  it('hints at "--" or ./-x.csv, and "--" reads the file', async () => {
    const path = join(dir, "-店铺日报.csv");
    writeFileSync(path, readFileSync(SAMPLE));
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const refused = await cli(["diagnose", "-店铺日报.csv"]);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain('"-店铺日报.csv" looks like a file name');
      expect(refused.stderr).toContain("shop-doctor diagnose -- -店铺日报.csv");
      expect(refused.stderr).toContain("./-店铺日报.csv");
      const read = await cli(["diagnose", "--", "-店铺日报.csv"]);
      expect(read.code).toBe(0);
      const dotted = await cli(["diagnose", "./-店铺日报.csv"]);
      expect(dotted.code).toBe(0);
    } finally {
      process.chdir(cwd);
    }
  });
});
