/**
 * The preview server's defences and the preview grid as Sheets behaves: no framing by other
 * sites, no inline script the CSP does not name, POSTs only with the per-start token and from our
 * own origin, 127.0.0.1 only, 413 with the stated limit for oversized uploads; pastes past
 * 1000 rows / 26 columns and typing into row 1001 grow the sheet; Sheets' 10 M-cell limit is
 * refused; an empty workbook, deleting and renaming tabs.
 */
import { existsSync } from "node:fs";
import { request } from "node:http";
import { networkInterfaces } from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFakeGoogle } from "../../src/local/fake";
import { CODE_PATH, sampleShopSheets } from "../../src/local/preview/main";
import { MAX_UPLOAD_FILE_BYTES, startPreviewServer, type PreviewServer } from "../../src/local/preview/server";
import { PreviewWorkbook } from "../../src/local/preview/workbook";

const ready = existsSync(CODE_PATH);

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function call(port: number, method: string, path: string, body?: string, headers: Record<string, string> = {}) {
  return new Promise<Answer>((resolve, reject) => {
    // A fresh connection each time: a kept-alive one the server closed after its 5 s idle timeout
    // (slow while a 20 MB body is built) would end in ECONNRESET on reuse.
    const req = request({ host: "127.0.0.1", port, method, path, headers, agent: false }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (text += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on("error", reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

describe.skipIf(!ready)("preview server", () => {
  let server: PreviewServer;
  let workbook: PreviewWorkbook;
  let token = "";
  const post = (path: string, value: unknown, headers: Record<string, string> = {}) =>
    call(server.port, "POST", path, JSON.stringify(value), {
      "content-type": "application/json",
      "x-shop-doctor-token": token,
      ...headers,
    });

  beforeAll(async () => {
    workbook = PreviewWorkbook.fromFile(CODE_PATH, sampleShopSheets());
    server = await startPreviewServer({
      workbook,
      sidebarHtml: () => "<!doctype html><head></head><script>1</script>",
      port: 0,
    });
    const page = await call(server.port, "GET", "/");
    token = /<meta name="shop-doctor-token" content="([^"]+)">/.exec(page.body)?.[1] ?? "";
  });
  afterAll(async () => {
    await server?.close();
  });

  it("cannot be framed, and the page has no inline script (its script is a served file)", async () => {
    const page = await call(server.port, "GET", "/");
    expect(page.headers["x-frame-options"]).toBe("DENY");
    const csp = String(page.headers["content-security-policy"]);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("unsafe-inline'; script");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(page.body).not.toMatch(/<script>(?!<\/script>)/);
    expect(page.body).toContain('<script src="/preview-page.js"></script>');
    const script = await call(server.port, "GET", "/preview-page.js");
    expect(script.status).toBe(200);
    expect(script.headers["content-type"]).toMatch(/javascript/);
    expect(script.body).toContain("x-shop-doctor-token");
  });

  it("the sidebar may be framed only by our own page; its inline scripts carry a fresh nonce", async () => {
    const one = await call(server.port, "GET", "/sidebar");
    const two = await call(server.port, "GET", "/sidebar");
    expect(one.headers["x-frame-options"]).toBe("SAMEORIGIN");
    const csp = String(one.headers["content-security-policy"]);
    expect(csp).toContain("frame-ancestors 'self'");
    const nonce = /script-src 'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(String(two.headers["content-security-policy"])).not.toContain(nonce);
    // Both the shim and the sidebar's own script have it; no script tag without it.
    expect(one.body.match(/<script nonce="[^"]+">/g)).toHaveLength(2);
    expect(one.body).not.toMatch(/<script>/);
    expect(one.body).toContain(token);
  });

  it("POSTs need the per-start token and our own origin", async () => {
    const noToken = await call(server.port, "POST", "/api/activate", JSON.stringify({ name: "店铺日报" }), {
      "content-type": "application/json",
    });
    expect(noToken.status).toBe(403);
    const wrongToken = await post(
      "/api/activate",
      { name: "店铺日报" },
      { "x-shop-doctor-token": "x".repeat(token.length) },
    );
    expect(wrongToken.status).toBe(403);
    const foreign = await post("/api/activate", { name: "店铺日报" }, { origin: "https://evil.example" });
    expect(foreign.status).toBe(403);
    const bridge = await call(server.port, "POST", "/__gas/run", JSON.stringify({ name: "diagnose", args: [] }), {
      "content-type": "text/plain",
    });
    expect(bridge.status).toBe(403);
    const ok = await post("/api/activate", { name: "店铺日报" });
    expect(ok.status).toBe(200);
  });

  it("listens on 127.0.0.1 only", async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const external = Object.values(networkInterfaces())
      .flat()
      .find((a) => a && a.family === "IPv4" && !a.internal);
    if (external) {
      const refused = await new Promise<string>((resolve) => {
        const req = request({ host: external.address, port: server.port, path: "/" }, () => resolve("answered"));
        req.on("error", (e: NodeJS.ErrnoException) => resolve(e.code ?? "error"));
        req.end();
      });
      expect(refused).toBe("ECONNREFUSED");
    }
  });

  it("an upload over the limit gets 413 with the real file-size limit; the page states the same limit", async () => {
    // 20 MB body limit; base64 takes 4 bytes per 3, so a file may be ¾ of it: (20 MiB − 64 KiB) / 4 × 3 = 15,679,488 B = 14 MiB + …
    expect(MAX_UPLOAD_FILE_BYTES).toBe(Math.floor((20 * 1024 * 1024 - 64 * 1024) / 4) * 3);
    expect(MAX_UPLOAD_FILE_BYTES).toBe(15679488);
    // One byte over the stated limit (the body still fits in 20 MB): refused, as stated.
    const justOver = Buffer.alloc(MAX_UPLOAD_FILE_BYTES + 1, 0x31);
    expect(Math.ceil(justOver.length / 3) * 4).toBeLessThan(20 * 1024 * 1024);
    const over = await post("/api/upload", { fileName: "big.csv", base64: justOver.toString("base64") });
    expect(over.status).toBe(413);
    // A body over 20 MB is read to its end and answered 413, not cut off (no "Failed to fetch").
    const file = Buffer.alloc(16 * 1024 * 1024, 0x31);
    const answer = await post("/api/upload", { fileName: "big.csv", base64: file.toString("base64") });
    expect(answer.status).toBe(413);
    const message = (JSON.parse(answer.body) as { message: string }).message;
    // 15,679,488 B ÷ 1,048,576 = 14.95 → "14 MB" (rounded down: never more than is accepted).
    expect(message).toContain("files up to 14 MB");
    const page = await call(server.port, "GET", "/");
    expect(page.body).toContain("up to 14 MB");
  });
});

describe.skipIf(!ready)("preview grid grows as Sheets does", () => {
  it("pastes 1,500 rows × 30 columns into a new tab (Sheets' new tab is 1000 × 26)", () => {
    const workbook = PreviewWorkbook.fromFile(CODE_PATH, sampleShopSheets());
    const header = Array.from({ length: 30 }, (_, c) => (c === 0 ? "统计日期" : c === 1 ? "访客数" : `列${c + 1}`));
    const lines = [header.join("\t")];
    for (let r = 1; r <= 1500; r++)
      lines.push(Array.from({ length: 30 }, (_, c) => (c === 0 ? `r${r}` : String(r * 10 + c))).join("\t"));
    const name = workbook.pasteText("大表", lines.join("\n"));
    const sheet = workbook.google.spreadsheet.getSheetByName(name)!;
    expect(sheet.getMaxRows()).toBe(1501);
    expect(sheet.getMaxColumns()).toBe(30);
    // Row 1501 (the 1500th data row), column AD (30): 1500 × 10 + 29 = 15029.
    expect(sheet.getRange(1501, 30).getValue()).toBe(15029);
  });

  it("typing into row 1001 of a 1000-row tab adds the row", () => {
    const workbook = PreviewWorkbook.fromFile(CODE_PATH, sampleShopSheets());
    const sheet = workbook.google.spreadsheet.getSheetByName("店铺日报")!;
    expect(sheet.getMaxRows()).toBe(1000);
    workbook.typeIntoCell("店铺日报", "AB1001", "42");
    expect(sheet.getMaxRows()).toBe(1001);
    expect(sheet.getMaxColumns()).toBe(28);
    expect(sheet.getRange("AB1001").getValue()).toBe(42);
  });

  it("a paste past Sheets' 10 million cells is refused with Sheets' message", () => {
    const workbook = PreviewWorkbook.fromFile(CODE_PATH, []);
    const sheet = workbook.google.spreadsheet.getSheets()[0];
    // Sheet1 grown to 384,000 × 26 = 9,984,000 cells; a new tab needs 1000 × 26 = 26,000 more: 10,010,000 > 10 M.
    sheet.insertRowsAfter(1000, 383_000);
    expect(() => workbook.pasteText("太大", "a\tb\n1\t2\n")).toThrow(/above the limit of 10000000 cells/);
    expect(workbook.tabNames()).toEqual(["Sheet1"]);
  });
});

describe("the fake spreadsheet refuses where Sheets would", () => {
  it("getRange past the grid throws; insertRowsAfter/insertColumnsAfter grow; 10 M cells is the ceiling", () => {
    const google = createFakeGoogle();
    const sheet = google.spreadsheet.getSheets()[0];
    expect(() => sheet.getRange(1001, 1)).toThrow(
      "The coordinates of the range are outside the dimensions of the sheet.",
    );
    expect(() => sheet.getRange(1, 27)).toThrow("outside the dimensions");
    sheet.insertRowsAfter(1000, 1);
    sheet.insertColumnsAfter(26, 1);
    expect(sheet.getRange(1001, 27).getA1Notation()).toBe("AA1001");
    // 1001 × 27 = 27,027 cells; 10,000,000 − 27,027 = 9,972,973 left = 369,369 rows of 27 (9,972,963) + 10.
    sheet.insertRowsAfter(1001, 369_369);
    expect(sheet.getMaxRows() * sheet.getMaxColumns()).toBe(9_999_990);
    expect(() => sheet.insertRowsAfter(sheet.getMaxRows(), 1)).toThrow(/above the limit of 10000000 cells/);
    expect(() => google.spreadsheet.insertSheet("more")).toThrow(/above the limit/);
  });
});

describe.skipIf(!ready)("an empty workbook, deleting and renaming tabs", () => {
  it("starts empty (no sample tabs, no settings); deletes and renames as Sheets allows", () => {
    const workbook = PreviewWorkbook.fromFile(CODE_PATH, sampleShopSheets());
    expect(workbook.tabNames()).toContain("店铺日报");
    workbook.startEmpty();
    expect(workbook.tabNames()).toEqual(["Sheet1"]);
    const mine = workbook.pasteText("我的店铺", "统计日期\t访客数\n2026-11-01\t100\n");
    workbook.deleteTab("Sheet1");
    expect(workbook.tabNames()).toEqual([mine]);
    expect(() => workbook.deleteTab(mine)).toThrow("You can't remove all the sheets in a document.");
    expect(workbook.renameTab(mine, "  十一月  ")).toBe("十一月");
    expect(workbook.tabNames()).toEqual(["十一月"]);
    workbook.pasteText("另一个", "a\tb\n1\t2\n");
    expect(() => workbook.renameTab("另一个", "十一月")).toThrow(/already exists/);
    expect(() => workbook.renameTab("另一个", "   ")).toThrow(/cannot be empty/);
  });
});
