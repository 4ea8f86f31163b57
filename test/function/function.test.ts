/**
 * The HTTP function, started in-process with functions-framework's own server on 127.0.0.1 and
 * called over HTTP: each input form (JSON sheets, CSV files, an .xlsx workbook, ten files),
 * each output format, each error code with its where, the size limits, the custom functions,
 * and the one log line per request holding counts only.
 */
import { readdirSync, readFileSync } from "node:fs";
import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { diagnoseTables, layoutReport, parseSettings, type Report, type SheetInput } from "../../src/engine";
import { setRequestLog } from "../../src/function/handler";
import { MAX_FILES, MAX_REQUEST_BYTES, MAX_ROWS } from "../../src/function/limits";
import { startFunctionServer, type FunctionServer } from "../../src/function/local";
import { findFunction } from "../../src/functions/registry";
import { renderGridPage } from "../../src/local/render-grid";
import { renderMarkdown } from "../../src/local/render-markdown";
import { readExportFile } from "../../src/readers/delimited";
import { xlsxOf } from "../support/xlsx-fixture";

const SAMPLE = join(__dirname, "..", "..", "samples", "sample-shop");
const FIXTURES = join(__dirname, "..", "fixtures");
const SAMPLE_FILES = readdirSync(SAMPLE)
  .filter((f) => f.endsWith(".csv"))
  .sort()
  .map((f) => join(SAMPLE, f));
const SETTINGS = { peerPayConversion: 0.031, grossMargin: 0.4 };

let server: FunctionServer;
const logs: Record<string, string | number>[] = [];
let restoreLog: ReturnType<typeof setRequestLog>;

beforeAll(async () => {
  restoreLog = setRequestLog((line) => logs.push(line));
  server = await startFunctionServer(0);
});
afterAll(async () => {
  setRequestLog(restoreLog);
  await server?.close();
});

function tabsOf(files: string[]): SheetInput[] {
  return files.map((f) => readExportFile(f)).map(({ name, values, rowLengths }) => ({ name, values, rowLengths }));
}

/** What the function must answer: diagnoseTables on the same sheets, through JSON. */
function expected(sheets: SheetInput[], settings: Record<string, unknown> = SETTINGS): Report {
  const parsed = parseSettings(settings);
  if (!parsed.ok) throw new Error("settings");
  return JSON.parse(JSON.stringify(diagnoseTables(sheets, parsed.settings, { settingsIn: "http" })));
}

function postJson(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(server.url + path, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
}

function postFiles(
  path: string,
  files: { name: string; bytes: Buffer }[],
  settings?: object,
  headers: Record<string, string> = {},
): Promise<Response> {
  const form = new FormData();
  for (const f of files) form.append("file", new Blob([new Uint8Array(f.bytes)]), f.name);
  if (settings) form.append("settings", JSON.stringify(settings));
  return fetch(server.url + path, { method: "POST", body: form, headers });
}

/** A POST through node:http, which sends the whole body before reading the answer (as curl does). */
function rawPost(path: string, body: Buffer, type: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(server.url + path, { method: "POST", headers: { "content-type": type } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

const sampleUploads = () => SAMPLE_FILES.map((f) => ({ name: f.split("/").pop()!, bytes: readFileSync(f) }));

describe("POST /diagnose: each input form gives diagnoseTables' report", () => {
  it("JSON sheets (the sample shop's cells) → the same JSON document", async () => {
    const sheets = tabsOf(SAMPLE_FILES).map(({ name, values }) => ({ name, values }));
    const res = await postJson("/diagnose", { sheets, settings: SETTINGS });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const report = (await res.json()) as Report;
    expect(report).toEqual(expected(sheets));
    // The README's planted problem 1: conversion 2.14% against the peers' 3.10%.
    const conversion = report.findings.find((f) => f.rule === "pay-conversion-vs-peer" && f.subjectType === "shop");
    expect(conversion?.benchmark).toBe(0.031);
  });

  it("the four CSV files as multipart/form-data, settings as a field", async () => {
    const res = await postFiles("/diagnose", sampleUploads(), SETTINGS);
    expect(res.status).toBe(200);
    const report = (await res.json()) as Report;
    expect(report).toEqual(expected(tabsOf(SAMPLE_FILES)));
    expect(report.tables.map((t) => t.sheet).sort()).toEqual(["商品效果", "店铺日报", "成本", "推广计划", "流量来源"]);
  });

  it("the same data as one .xlsx workbook: the same figures as the CSV files", async () => {
    const csv = tabsOf(SAMPLE_FILES).map(({ name, values }) => ({ name, values }));
    const res = await postFiles("/diagnose", [{ name: "店铺.xlsx", bytes: await xlsxOf(csv) }], SETTINGS);
    expect(res.status).toBe(200);
    const report = (await res.json()) as Report;
    const fromCsv = expected(csv);
    expect(report.score).toBe(fromCsv.score);
    expect(report.findings).toEqual(fromCsv.findings);
    expect(report.actions).toEqual(fromCsv.actions);
  });

  it("a ten-file request: every file a tab, the report diagnoseTables' on all ten", async () => {
    const extra = [
      "jd-shangzhi-shop.csv",
      "pdd-goods-data.csv",
      "qianniu-service-agents.csv",
      "sycm-traffic-map.csv",
      "wanxiangtai-plan-report.csv",
    ].map((f) => join(FIXTURES, f));
    const files = [...SAMPLE_FILES, ...extra];
    expect(files).toHaveLength(10);
    const uploads = files.map((f) => ({ name: f.split("/").pop()!, bytes: readFileSync(f) }));
    const res = await postFiles("/diagnose", uploads, SETTINGS);
    expect(res.status).toBe(200);
    const report = (await res.json()) as Report;
    expect(report).toEqual(expected(tabsOf(files)));
    expect(report.tables).toHaveLength(10);
  });
});

describe("POST /diagnose: output formats", () => {
  const sheets = () => tabsOf(SAMPLE_FILES).map(({ name, values }) => ({ name, values }));

  it("?format=html is the CLI's --out page of the same report", async () => {
    const res = await postJson("/diagnose?format=html", { sheets: sheets(), settings: SETTINGS });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    const report = expected(sheets());
    const grid = layoutReport(report);
    expect(await res.text()).toBe(renderGridPage(grid, grid.sheetName, report.language));
  });

  it("?format=markdown is the Markdown rendering of the same report, in the settings' language", async () => {
    const settings = { ...SETTINGS, language: "en" };
    const res = await postJson("/diagnose?format=markdown", { sheets: sheets(), settings });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/markdown/);
    const text = await res.text();
    expect(text).toBe(renderMarkdown(layoutReport(expected(sheets(), settings))));
    expect(text.startsWith("# Shop health report\n")).toBe(true);
  });
});

async function errorOf(res: Response): Promise<{ code: string; message: string; where: Record<string, unknown> }> {
  expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  return (await res.json()) as { code: string; message: string; where: Record<string, unknown> };
}

describe("errors: JSON with a code, a message in the asked language and where", () => {
  it("404 for an unknown path, 405 (with Allow) for the wrong method", async () => {
    const missing = await fetch(server.url + "/report");
    expect(missing.status).toBe(404);
    expect((await errorOf(missing)).code).toBe("not-found");
    const wrong = await fetch(server.url + "/diagnose", { headers: { "accept-language": "zh-TW" } });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("allow")).toBe("POST");
    expect((await errorOf(wrong)).message).toBe("/diagnose 只接受 POST 請求，不接受 GET。");
  });

  it("400: a bad cell names the sheet and the cell; a bad setting names its key, in the settings' language", async () => {
    const cell = await postJson("/diagnose?lang=en", {
      sheets: [
        {
          name: "日报",
          values: [
            ["a", "b"],
            [1, { x: 1 }],
          ],
        },
      ],
    });
    expect(cell.status).toBe(400);
    const body = await errorOf(cell);
    expect(body.code).toBe("bad-cell");
    expect(body.where).toEqual({ file: null, sheet: "日报", cell: "B2" });
    expect(body.message).toBe("a cell must be a number, text, true/false or null, not object.");
    const sheets = tabsOf(SAMPLE_FILES.slice(0, 1)).map(({ name, values }) => ({ name, values }));
    const setting = await postJson("/diagnose", { sheets, settings: { language: "zh-TW", peerDsr: 9 } });
    expect(setting.status).toBe(400);
    const wrong = await errorOf(setting);
    expect(wrong.code).toBe("invalid-settings");
    expect(wrong.where.cell).toBe("peerDsr");
    expect(wrong.message).toMatch(/^設定有誤/);
    const format = await postJson("/diagnose?format=pdf", { sheets });
    expect(format.status).toBe(400);
    expect((await errorOf(format)).code).toBe("bad-format");
  });

  it("400 when nothing is recognisable, in Accept-Language's language", async () => {
    const res = await postJson(
      "/diagnose",
      {
        sheets: [
          {
            name: "杂项",
            values: [
              ["颜色", "尺码"],
              ["红", "L"],
            ],
          },
        ],
      },
      { "accept-language": "en-GB,en;q=0.9" },
    );
    expect(res.status).toBe(400);
    const body = await errorOf(res);
    expect(body.code).toBe("nothing-recognised");
    expect(body.message).toMatch(/^Nothing recognisable in 「杂项」/);
  });

  it("415: an .xls file names the file and says to save it as .xlsx or CSV; a text body is refused", async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    const res = await postFiles("/diagnose?lang=zh-CN", [{ name: "商品.xls", bytes: ole }]);
    expect(res.status).toBe(415);
    const body = await errorOf(res);
    expect(body.code).toBe("unreadable-file");
    expect(body.where).toEqual({ file: "商品.xls", sheet: null, cell: null });
    expect(body.message).toMatch(/^商品\.xls 是 Excel 97–2003 工作簿.*另存为 \.xlsx 或 CSV/);
    const text = await fetch(server.url + "/diagnose", {
      method: "POST",
      body: "访客数\n1",
      headers: { "content-type": "text/plain" },
    });
    expect(text.status).toBe(415);
    expect((await errorOf(text)).code).toBe("unsupported-type");
  });

  it("413 past each limit: files, rows, bytes", async () => {
    const one = sampleUploads()[0];
    const many = await postFiles("/diagnose", new Array(MAX_FILES + 1).fill(one));
    expect(many.status).toBe(413);
    expect((await errorOf(many)).code).toBe("too-many-files");
    // MAX_ROWS + 1 rows of two cells each.
    const values = Array.from({ length: MAX_ROWS + 1 }, (_, i) => [`2026-10-01`, i]);
    const rows = await postJson("/diagnose?lang=en", { sheets: [{ name: "大表", values }] });
    expect(rows.status).toBe(413);
    const body = await errorOf(rows);
    expect(body.code).toBe("too-many-rows");
    expect(body.message).toMatch(/more than 200,000 rows/);
    const big = await rawPost(
      "/diagnose",
      Buffer.alloc(MAX_REQUEST_BYTES + 1, 0x41),
      "multipart/form-data; boundary=x",
    );
    expect(big.status).toBe(413);
    expect(JSON.parse(big.body).code).toBe("too-large");
  });
});

describe("custom functions", () => {
  it("GET /functions lists the registry's functions", async () => {
    const res = await fetch(server.url + "/functions");
    expect(res.status).toBe(200);
    const { functions } = (await res.json()) as { functions: { name: string; params: { name: string }[] }[] };
    expect(functions.map((f) => f.name)).toContain("PAY_CONVERSION");
    expect(functions.find((f) => f.name === "PAY_CONVERSION")!.params.map((p) => p.name)).toEqual([
      "paid_buyers",
      "visitors",
    ]);
  });

  it("POST /functions/NAME broadcasts over ranges like Sheets; a blank (null) stays blank", async () => {
    // 35 ÷ 1000 = 0.035; 12 ÷ 400 = 0.03; the blank row stays blank.
    const res = await postJson("/functions/pay_conversion", {
      args: [
        [[35], [12], [null]],
        [[1000], [400], [null]],
      ],
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ name: "PAY_CONVERSION", result: [[0.035], [0.03], [""]] });
    // Export text is coerced as in Sheets: "1,234" visitors and "¥" amounts. 2468 ÷ 1234 = 2.
    const value = await postJson("/functions/VISITOR_VALUE", { args: ["¥2,468.00", "1,234"] });
    expect(await value.json()).toEqual({ name: "VISITOR_VALUE", result: 2 });
  });

  it("the error message is Sheets' own; an unknown function is 404", async () => {
    let thrown = "";
    try {
      findFunction("PAY_CONVERSION")!.impl(35, 0);
    } catch (error) {
      thrown = (error as Error).message;
    }
    expect(thrown).not.toBe("");
    const res = await postJson("/functions/PAY_CONVERSION", { args: [35, 0] });
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toEqual({
      code: "function-error",
      message: thrown,
      where: { file: null, sheet: null, cell: null },
    });
    const unknown = await postJson("/functions/NOPE", { args: [] });
    expect(unknown.status).toBe(404);
    expect((await errorOf(unknown)).code).toBe("unknown-function");
  });
});

describe("the notify option: the morning brief posted to a team chat", () => {
  it("posts the brief to the webhook and answers with the report; a refused URL is reported, not fatal", async () => {
    const received: { path: string; body: unknown }[] = [];
    const hook = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        received.push({ path: req.url ?? "", body: JSON.parse(Buffer.concat(chunks).toString("utf8")) });
        res.writeHead(200, { "content-type": "text/plain" }).end("ok");
      });
    });
    await new Promise<void>((done) => hook.listen(0, "127.0.0.1", done));
    const saved = { ...process.env };
    process.env.SHOP_DOCTOR_NOTIFY_ALLOW_LOOPBACK = "1";
    process.env.SHOP_DOCTOR_NOTIFY_PLATFORM = "slack";
    try {
      const port = (hook.address() as AddressInfo).port;
      const sheets = tabsOf(SAMPLE_FILES).map(({ name, values }) => ({ name, values }));
      const res = await postJson("/diagnose", {
        sheets,
        settings: SETTINGS,
        notify: [`http://127.0.0.1:${port}/hook`, "https://evil.example/hook"],
      });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual(expected(sheets));
      expect(res.headers.get("x-shop-doctor-notify")).toBe("ok, failed");
      const messages = res.headers.get("x-shop-doctor-notify-message")!.split(", ").map(decodeURIComponent);
      expect(messages[1]).toMatch(/evil\.example/);
      expect(received).toHaveLength(1);
      expect(received[0].path).toBe("/hook");
      // Slack's incoming-webhook payload: text plus blocks, the score among them.
      const payload = received[0].body as { text: string; blocks: unknown[] };
      expect(Array.isArray(payload.blocks)).toBe(true);
      expect(JSON.stringify(payload)).toContain(String(expected(sheets).score));
      const bad = await postJson("/diagnose", { sheets, notify: 42 });
      expect(bad.status).toBe(400);
      expect((await errorOf(bad)).code).toBe("bad-notify");
    } finally {
      process.env = saved;
      await new Promise<void>((done) => hook.close(() => done()));
    }
  });
});

describe("logging", () => {
  it("one line per request with counts and timings only: no file names, no cell values", () => {
    expect(logs.length).toBeGreaterThan(10);
    const text = JSON.stringify(logs);
    for (const secret of ["店铺日报", "商品效果", "手淘", "peerPayConversion", "大表", "商品.xls"]) {
      expect(text.includes(secret), secret).toBe(false);
    }
    for (const line of logs) {
      for (const [key, value] of Object.entries(line)) {
        expect(["status", "files", "sheets", "rows", "format", "notify", "function", "args", "ms"]).toContain(key);
        if (key === "format") expect(["json", "html", "markdown"]).toContain(value);
        else if (key === "function") expect(typeof value).toBe("string");
        else expect(typeof value).toBe("number");
      }
    }
  });
});
