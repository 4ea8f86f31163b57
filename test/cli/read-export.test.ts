import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { afterAll, describe, expect, it } from "vitest";
import { detectEncoding, ExportReadError, parseDelimited, readExportFile } from "../../src/readers/delimited";

const SAMPLE = join(__dirname, "..", "..", "samples", "sample-shop", "店铺日报.csv");
const dir = mkdtempSync(join(tmpdir(), "shop-doctor-read-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const utf8Text = readFileSync(SAMPLE, "utf8");

function write(name: string, bytes: Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

describe("readExportFile", () => {
  const expected = readExportFile(SAMPLE);

  it("reads the UTF-8 sample as a tab named after the file, numbers as numbers, rates as text", () => {
    expect(expected.name).toBe("店铺日报");
    expect(expected.encoding).toBe("utf-8");
    expect(expected.values[0][0]).toBe("统计日期");
    expect(expected.values[0]).toContain("同行同层平均支付转化率");
    expect(expected.values).toHaveLength(32);
    const first = expected.values[1];
    expect(first[0]).toBe("2026-10-01");
    expect(typeof first[1]).toBe("number");
    expect(first[5]).toMatch(/^\d+\.\d\d%$/);
  });

  it("reads a UTF-8 file with a BOM to the same cells, without the BOM in the first header", () => {
    const path = write("bom.csv", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(utf8Text, "utf8")]));
    const sheet = readExportFile(path);
    expect(sheet.encoding).toBe("utf-8-bom");
    expect(sheet.values).toEqual(expected.values);
  });

  it("detects a GBK file (as 生意参谋 and Chinese Excel write) and decodes the Chinese headers", () => {
    const gbk = iconv.encode(utf8Text, "gbk");
    // The bytes really are not UTF-8, so a UTF-8 reader would have garbled them.
    expect(gbk.equals(Buffer.from(utf8Text, "utf8"))).toBe(false);
    const path = write("gbk.csv", gbk);
    const sheet = readExportFile(path);
    expect(sheet.encoding).toBe("gb18030");
    expect(sheet.values).toEqual(expected.values);
  });

  it("reads tab-separated text (a copy from a spreadsheet) like the CSV", () => {
    const tsv = utf8Text
      .split("\r\n")
      .map((line) => line.split(",").join("\t"))
      .join("\n");
    const sheet = readExportFile(write("日报.tsv", Buffer.from(tsv, "utf8")));
    expect(sheet.name).toBe("日报");
    expect(sheet.values).toEqual(expected.values);
  });

  it("keeps quoted commas inside a cell and pads short rows", () => {
    const rows = parseDelimited('商品名称,支付金额\n"T恤, 白色","1,234.00"\n只有一格\n');
    expect(rows).toEqual([
      ["商品名称", "支付金额"],
      ["T恤, 白色", "1,234.00"],
      ["只有一格", ""],
    ]);
  });

  it("keeps ids with leading zeros and very long ids as text", () => {
    expect(parseDelimited("id\n000123\n12345678901234567890\n42\n")).toEqual([
      ["id"],
      ["000123"],
      ["12345678901234567890"],
      [42],
    ]);
  });

  it("keeps a number whose dot may group thousands as text, for the table to decide (1.520 sessions on Amazon.de)", () => {
    expect(parseDelimited("n\n1.520\n-2.004\n1.52\n0.125\n1520\n12.500\n12.5000\n")).toEqual([
      ["n"],
      ["1.520"],
      ["-2.004"],
      [1.52],
      [0.125],
      [1520],
      ["12.500"],
      [12.5],
    ]);
  });

  it("names the missing file and says what to check", () => {
    const missing = join(dir, "没有这个文件.csv");
    expect(() => readExportFile(missing)).toThrow(ExportReadError);
    expect(() => readExportFile(missing)).toThrow(/没有这个文件\.csv: no such file/);
  });

  it("refuses a binary file with a message saying to export CSV", () => {
    const binary = write("image.csv", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01, 0x02]));
    expect(() => readExportFile(binary)).toThrow(/not a text file/);
  });
});

describe("detectEncoding", () => {
  it("tells UTF-8, UTF-8 with BOM and GBK apart on short Chinese text", () => {
    expect(detectEncoding(Buffer.from("访客数,支付金额\n100,5", "utf8"))).toBe("utf-8");
    expect(detectEncoding(Buffer.from("\uFEFF访客数", "utf8"))).toBe("utf-8-bom");
    expect(detectEncoding(iconv.encode("访客数,支付金额\n100,5", "gbk"))).toBe("gb18030");
  });
});

describe('UTF-16 exports (Excel\'s "Unicode text")', () => {
  it("reads a UTF-16LE tab-separated file with its BOM", () => {
    const text = "统计日期\t访客数\n2026-10-01\t3570\n";
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, "utf-16le")]);
    const sheet = readExportFile(write("unicode.txt", bytes));
    expect(sheet.encoding).toBe("utf-16le");
    expect(sheet.values).toEqual([
      ["统计日期", "访客数"],
      ["2026-10-01", 3570],
    ]);
  });
});
