import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import iconv from "iconv-lite";
import { afterAll, describe, expect, it } from "vitest";
import { diagnoseTables, type Report } from "../../src/engine";
import { readSheets, readSettingsFile } from "../../src/local/cli/main";

const run = promisify(execFile);
const ROOT = join(__dirname, "..", "..");
const BIN = join(ROOT, "bin", "shop-doctor.mjs");
const SAMPLE_DIR = join(ROOT, "samples", "sample-shop");
const SAMPLE_FILES = readdirSync(SAMPLE_DIR)
  .filter((f) => f.endsWith(".csv"))
  .sort()
  .map((f) => join(SAMPLE_DIR, f));
const SETTINGS = join(SAMPLE_DIR, "settings.json");
const dir = mkdtempSync(join(tmpdir(), "shop-doctor-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real `shop-doctor` bin as a user would (not a TTY, so plain text). */
async function shopDoctor(args: string[], env: Record<string, string> = {}): Promise<Result> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
      cwd: dir,
      env: { ...process.env, NO_COLOR: "", FORCE_COLOR: "", ...env },
      maxBuffer: 20 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === "number" ? e.code : -1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}

describe("shop-doctor diagnose", () => {
  it("--json prints exactly what diagnoseTables returns for the same files and settings", async () => {
    const result = await shopDoctor(["diagnose", ...SAMPLE_FILES, "--settings", SETTINGS, "--json"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout) as Report;
    const expected = diagnoseTables(await readSheets(SAMPLE_FILES), readSettingsFile(SETTINGS, null), {
      settingsIn: "cli",
    });
    expect(printed).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(printed.tables.map((t) => t.kind).sort()).toEqual(["ad-plans", "products", "shop-daily", "traffic-sources"]);
  });

  it("prints a plain-text summary with today's actions when the output is not a terminal", async () => {
    const result = await shopDoctor(["diagnose", ...SAMPLE_FILES, "--lang", "en"]);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain("\x1b[");
    expect(result.stdout).toContain("Today's three actions");
    expect(result.stdout).toMatch(/Health score: \d+/);
    expect(result.stdout).toMatch(/^ {2}1\. /m);
    // The planted zero-sales jacket is among the problems listed.
    expect(result.stdout).toMatch(/683201457717|复古水洗牛仔外套/);
  });

  it("names --settings where the sheet says Settings, shows table kinds in the user's language, and says why there is no score", async () => {
    const amazon = join(ROOT, "test", "fixtures", "amazon-by-date-us.csv");
    const en = await shopDoctor(["diagnose", amazon, "--lang", "en"]);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain("Enter peerPayConversion (the peer-tier average) in the --settings JSON file");
    expect(en.stdout).not.toMatch(/in Settings\b/);
    // Sales judged (▲), conversion only ℹ without a peer figure: one area, so no score.
    expect(en.stdout).toContain("Health score: Not enough to score yet\n  The judged checks cover only sales.");
    expect(en.stdout).not.toMatch(/Health score: \d/);
    expect(en.stdout).toContain("Tables recognised: amazon-by-date-us (shop daily, 14 rows)");
    const zh = await shopDoctor(["diagnose", amazon, "--lang", "zh-TW"]);
    expect(zh.stdout).toContain("在命令列 --settings 指定的 JSON 檔案裡填 peerPayConversion");
    expect(zh.stdout).toContain("識別的表格：amazon-by-date-us（店鋪每日資料，14 列）");
    expect(zh.stdout).not.toContain("shop-daily");
    // --json carries the same: score null with its reason.
    const json = JSON.parse((await shopDoctor(["diagnose", amazon, "--json"])).stdout) as Report;
    expect(json.score).toBeNull();
    expect(json.scoreReason).toMatchObject({ code: "too-few-areas", areas: ["sales"] });
    expect(json.judged.sales).toBe(1);
  });

  it("colours the summary when asked to (FORCE_COLOR), and NO_COLOR wins", async () => {
    const coloured = await shopDoctor(["diagnose", SAMPLE_FILES[0]], { FORCE_COLOR: "1" });
    expect(coloured.stdout).toContain("\x1b[");
    const plain = await shopDoctor(["diagnose", SAMPLE_FILES[0]], { FORCE_COLOR: "1", NO_COLOR: "1" });
    expect(plain.stdout).not.toContain("\x1b[");
  });

  it("reads GBK and UTF-8-with-BOM copies of the sample to the same report as the UTF-8 files", async () => {
    const gbkFiles = SAMPLE_FILES.map((file, i) => {
      const text = readFileSync(file, "utf8");
      const path = join(dir, `gbk-${i}-${file.split("/").pop()}`);
      // Half GBK, half UTF-8 with BOM: both encodings in one run.
      writeFileSync(
        path,
        i % 2 === 0 ? iconv.encode(text, "gbk") : Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]),
      );
      return path;
    });
    const fromCopies = JSON.parse((await shopDoctor(["diagnose", ...gbkFiles, "--json"])).stdout) as Report;
    const fromOriginals = JSON.parse((await shopDoctor(["diagnose", ...SAMPLE_FILES, "--json"])).stdout) as Report;
    // Tab names differ (they follow the file names); every finding and action is the same.
    expect(fromCopies.findings).toEqual(fromOriginals.findings);
    expect(fromCopies.actions).toEqual(fromOriginals.actions);
    expect(fromCopies.score).toBe(fromOriginals.score);
  });

  it("writes --out as a self-contained HTML page of the report grid", async () => {
    const out = join(dir, "report.html");
    const result = await shopDoctor(["diagnose", ...SAMPLE_FILES, "--out", out]);
    expect(result.code).toBe(0);
    const html = readFileSync(out, "utf8");
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).toContain("店铺体检报告");
    expect(html).toMatch(/background:#[0-9a-f]{6}/);
    expect(html).toMatch(/\d+\.\d\d%/);
    expect(html).not.toMatch(/<script|<link/);
    // The funnel chart the sheet gets is drawn too.
    expect(html).toMatch(/<figure class="sd-funnel">/);
  });

  it("fails with a clear message on a missing file", async () => {
    const result = await shopDoctor(["diagnose", "没有这个文件.csv"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("没有这个文件.csv: no such file");
  });

  it("fails with a clear message when nothing in the files is a shop table", async () => {
    const notes = join(dir, "会议记录.txt");
    writeFileSync(notes, "今天开会讨论了双十一的备货计划。\n下周再看一次。\n");
    const result = await shopDoctor(["diagnose", notes]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/nothing recognisable in .*会议记录\.txt/);
    expect(result.stdout).toBe("");
  });

  it("rejects an unknown option, an unknown language and a missing file list with usage hints", async () => {
    const unknown = await shopDoctor(["diagnose", SAMPLE_FILES[0], "--colour"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/--colour/);
    expect(unknown.stderr).toContain("--help");
    const lang = await shopDoctor(["diagnose", SAMPLE_FILES[0], "--lang", "fr"]);
    expect(lang.code).toBe(2);
    expect(lang.stderr).toContain("zh-CN, zh-TW, en");
    const none = await shopDoctor(["diagnose"]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("No files given");
    const missingValue = await shopDoctor(["diagnose", SAMPLE_FILES[0], "--out"]);
    expect(missingValue.code).toBe(2);
    expect(missingValue.stderr).toMatch(/--out.*missing\. Run "shop-doctor --help"/);
  });

  it("names the field when --settings holds an invalid value", async () => {
    const bad = join(dir, "team.json");
    writeFileSync(bad, JSON.stringify({ peerPayConversion: 3.1 }));
    const result = await shopDoctor(["diagnose", SAMPLE_FILES[0], "--settings", bad]);
    expect(result.code).toBe(1);
    // The Settings sheet's own wording, in the report's language (zh-CN by default), naming the JSON key.
    expect(result.stderr).toContain(
      `has invalid values:\n  "peerPayConversion"（同行同层平均支付转化率）应填 0% 到 100% 之间的百分比，例如 3.5%\n`,
    );
    writeFileSync(bad, JSON.stringify({ language: "en", peerDsr: 6, bounceGood: 0.8, colour: "red" }));
    const english = await shopDoctor(["diagnose", SAMPLE_FILES[0], "--settings", bad]);
    expect(english.code).toBe(1);
    expect(english.stderr).toContain(
      [
        "has invalid values:",
        "  there is no setting called “colour” (check the spelling)",
        '  "peerDsr" (Peer DSR score): expected a score from 1 to 5, e.g. 4.8',
        '  "bounceBad" (Bounce rate: bad above): the bad bounce rate must be above the good one',
      ].join("\n"),
    );
  });
});
