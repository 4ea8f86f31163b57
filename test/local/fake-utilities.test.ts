/**
 * The fake's Utilities: base64Decode, newBlob → ungzip → getDataAsString (what build/Code.js unpacks
 * its server half with, over decodePacked's bytes) and formatDate, with Apps Script's signed Byte[] values.
 */
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { createFakeGoogle } from "../../src/local/fake";

const utilities = () => createFakeGoogle().globals.Utilities;

describe("the fake's Utilities", () => {
  it("decodes base-64 into Java's signed bytes and back into text", () => {
    // "é" is C3 A9 in UTF-8: as signed bytes 0xC3 - 256 = -61 and 0xA9 - 256 = -87.
    const bytes = utilities().base64Decode(Buffer.from("aé").toString("base64"));
    expect(bytes).toEqual([97, -61, -87]);
    expect(utilities().newBlob(bytes).getDataAsString()).toBe("aé");
    expect(utilities().newBlob("aé").getBytes()).toEqual([97, -61, -87]);
  });

  it("refuses text that is not base-64 instead of decoding part of it", () => {
    expect(() => utilities().base64Decode("not base-64!")).toThrow(/not base-64/);
    expect(() => utilities().base64Decode("abc")).toThrow(/not base-64/);
  });

  it("ungzips a blob built from decoded bytes, CJK text intact", () => {
    const u = utilities();
    const text = "店铺体检报告 · Shop health report ".repeat(200);
    const packed = gzipSync(Buffer.from(text)).toString("base64");
    const blob = u.newBlob(u.base64Decode(packed), "application/x-gzip");
    expect(blob.getContentType()).toBe("application/x-gzip");
    expect(u.ungzip(blob).getDataAsString("UTF-8")).toBe(text);
    expect(() => u.ungzip(u.newBlob("plain text"))).toThrow();
  });

  it("formats a date in a time zone, and counts the calls like every fake service", () => {
    const google = createFakeGoogle();
    // 2026-11-09T15:00Z is midnight of the 10th in Tokyo (UTC+9), still the 9th in UTC.
    const instant = new Date(Date.UTC(2026, 10, 9, 15));
    expect(google.globals.Utilities.formatDate(instant, "Asia/Tokyo", "yyyy-MM-dd HH:mm")).toBe("2026-11-10 00:00");
    expect(google.globals.Utilities.formatDate(instant, "UTC", "yyyy-MM-dd")).toBe("2026-11-09");
    expect(google.counter.count("Utilities.formatDate")).toBe(2);
  });
});
