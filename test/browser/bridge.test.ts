/**
 * The google.script.run bridge on its own: a page calls server functions through the shim and
 * gets results, thrown errors in the failure handler, and refusals for non-plain data, the way
 * Apps Script behaves.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleServer, startGasBridge, type GasBridge } from "../../src/local/gas-bridge";
import { chromiumAvailable, launchChromium, type Browser } from "../support/browser";

const PAGE = `<!doctype html><html><head><meta charset="utf-8"></head><body><script>
window.callServer = function (name, args, chain) {
  return new Promise(function (resolve) {
    var runner = google.script.run
      .withSuccessHandler(function (v, user) { resolve({ ok: true, value: v, user: user }); })
      .withFailureHandler(function (e, user) { resolve({ ok: false, message: e.message, isError: e instanceof Error, user: user }); })
      .withUserObject("marker");
    runner[name].apply(runner, args);
  });
};
</script></body></html>`;

// A stand-in for the vm global of build/Code.js: top-level functions are its properties.
const globals: Record<string, unknown> = {
  add: (a: number, b: number) => a + b,
  echo: (x: unknown) => ({ got: x }),
  boom: () => {
    throw new Error("the sheet 订单 is locked");
  },
  when: () => new Date(0),
  secret_: () => "hidden",
  notAFunction: 42,
};

describe.skipIf(!chromiumAvailable())("google.script.run bridge", () => {
  let browser: Browser;
  let bridge: GasBridge;
  beforeAll(async () => {
    browser = await launchChromium();
    bridge = await startGasBridge({ server: bundleServer(globals), html: () => PAGE });
  });
  afterAll(async () => {
    await bridge?.close();
    await browser?.close();
  });

  it("runs server functions with plain-data arguments and returns their results", async () => {
    const page = await browser.context.newPage();
    await page.goto(bridge.url);
    expect(await page.evaluate(() => (globalThis as any).callServer("add", [2, 40]))).toEqual({
      ok: true,
      value: 42,
      user: "marker",
    });
    expect(
      await page.evaluate(() => (globalThis as any).callServer("echo", [{ name: "<b>x</b>", list: [1, "二"] }])),
    ).toEqual({
      ok: true,
      value: { got: { name: "<b>x</b>", list: [1, "二"] } },
      user: "marker",
    });
    expect(bridge.calls.map((c) => c.name)).toEqual(["add", "echo"]);
    await page.close();
  });

  it("delivers a thrown server error to the failure handler as an Error with its message", async () => {
    const page = await browser.context.newPage();
    await page.goto(bridge.url);
    const answer = await page.evaluate(() => (globalThis as any).callServer("boom", []));
    expect(answer).toEqual({ ok: false, message: "the sheet 订单 is locked", isError: true, user: "marker" });
    await page.close();
  });

  it("refuses Dates both ways, and hides names ending in _ like Apps Script", async () => {
    const page = await browser.context.newPage();
    await page.goto(bridge.url);
    const back = await page.evaluate(() => (globalThis as any).callServer("when", []));
    expect(back.ok).toBe(false);
    expect(back.message).toMatch(/Date/);
    const forth = await page.evaluate(() => (globalThis as any).callServer("echo", [new Date()]));
    expect(forth.ok).toBe(false);
    expect(forth.message).toMatch(/Date/);
    const names = await page.evaluate(() => Object.keys((globalThis as any).google.script.run));
    expect(names).toContain("add");
    expect(names).not.toContain("secret_");
    expect(names).not.toContain("notAFunction");
    await page.close();
  });
});
