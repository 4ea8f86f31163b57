/**
 * Mercado Libre package rows (`Paquete de varios productos`: Sí) carry the fees and shipping of
 * the items listed under them. Recognition shares those amounts over the item rows in proportion
 * to their sales, and keeps the package row itself out of the data rows so no sale counts twice.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { RecognizedTable } from "../../src/engine";
import { recognizeTables } from "../../src/engine";
import { readExportFile } from "../../src/readers/delimited";
import { FIXTURE_DIR } from "../support/fixtures";

const HEADER = [
  "# de venta",
  "Fecha de venta",
  "Paquete de varios productos",
  "Unidades",
  "Ingresos por productos (MXN)",
  "Cargo por venta e impuestos (MXN)",
  "Ingresos por envío (MXN)",
  "Costos de envío (MXN)",
  "# de publicación",
  "Título de la publicación",
];

function table(rows: (string | number | null)[][]): RecognizedTable {
  const [t] = recognizeTables([{ name: "ventas", values: [HEADER, ...rows] }]);
  return t;
}

const byOrder = (t: RecognizedTable, id: string) => t.rows.find((r) => r.orderId === id)!;

describe("a package's fees shared over its items by sales", () => {
  it("600 + 400 MXN with a package fee of 150: 90 and 60", () => {
    const t = table([
      ["101", "2026-11-04", "Sí", null, 1000, -150, 0, -100, null, null],
      ["102", "2026-11-04", null, 1, 600, null, null, null, "MLM1", "Guantes"],
      ["103", "2026-11-04", null, 1, 400, null, null, null, "MLM2", "Bufanda"],
      ["104", "2026-11-05", "No", 1, 500, -75, 0, -90, "MLM2", "Bufanda"],
    ]);
    expect(t.kind).toBe("orders");
    expect(t.columns).toMatchObject({
      saleFees: "Cargo por venta e impuestos (MXN)",
      shipping: "Ingresos por envío (MXN)",
      shippingPaid: "Costos de envío (MXN)",
    });
    // the package row is set aside: sales 600 + 400 + 500 = 1,500, not 2,500
    expect(t.rows.map((r) => r.orderId)).toEqual(["102", "103", "104"]);
    expect(t.rows.reduce((s, r) => s + (r.sales as number), 0)).toBe(1500);
    // fee −150 (Mercado Libre writes charges negative): 600/1,000 × −150 = −90; 400/1,000 × −150 = −60
    expect(byOrder(t, "102").saleFees).toBeCloseTo(-90, 9);
    expect(byOrder(t, "103").saleFees).toBeCloseTo(-60, 9);
    // shipping paid −100: −60 and −40; shipping income 0 stays 0 on both
    expect(byOrder(t, "102").shippingPaid).toBeCloseTo(-60, 9);
    expect(byOrder(t, "103").shippingPaid).toBeCloseTo(-40, 9);
    expect([byOrder(t, "102").shipping, byOrder(t, "103").shipping]).toEqual([0, 0]);
    // a row that is no package keeps its own fee
    expect(byOrder(t, "104")).toMatchObject({ saleFees: -75, shippingPaid: -90 });
    const note = t.issues.find((i) => i.code === "parent-row")!;
    expect(note.row).toBe(2);
    expect(note.message).toContain("shared over its 2 item rows in proportion to their sales");
  });

  it("item rows with fees of their own keep them", () => {
    const t = table([
      ["101", "2026-11-04", "Sí", null, 1000, -150, null, null, null, null],
      ["102", "2026-11-04", null, 1, 600, -80, null, null, "MLM1", "Guantes"],
      ["103", "2026-11-04", null, 1, 400, -70, null, null, "MLM2", "Bufanda"],
    ]);
    expect(t.rows.map((r) => r.saleFees)).toEqual([-80, -70]);
  });

  it("an item without sales leaves the fees unshared, never a made-up share, and says so", () => {
    const t = table([
      ["101", "2026-11-04", "Sí", null, 1000, -150, null, null, null, null],
      ["102", "2026-11-04", null, 1, 600, null, null, null, "MLM1", "Guantes"],
      ["103", "2026-11-04", null, 1, null, null, null, null, "MLM2", "Bufanda"],
    ]);
    expect(t.rows.map((r) => r.saleFees ?? null)).toEqual([null, null]);
    expect(t.subtotals?.[0].values.saleFees).toBe(-150);
    const note = t.issues.find((i) => i.code === "parent-row")!;
    expect(note.message).toContain("not counted on any product");
  });
});

describe("the Mercado Libre fixture", () => {
  it("shares the package's −157.50 fee and −110.00 shipping over its two items (600 and 450)", () => {
    const [t] = recognizeTables([readExportFile(join(FIXTURE_DIR, "global", "mercadolibre-ventas.csv"))]);
    expect(t.subtotals?.map((s) => s.row)).toEqual([5]);
    const [first, item1, item2, last] = t.rows;
    // 600/1,050 × −157.50 = −90.00; 450/1,050 × −157.50 = −67.50
    expect(item1.saleFees).toBeCloseTo(-90, 9);
    expect(item2.saleFees).toBeCloseTo(-67.5, 9);
    // 600/1,050 × −110.00 = −62.857…; 450/1,050 × −110.00 = −47.142…
    expect(item1.shippingPaid).toBeCloseTo(-62.857142857, 6);
    expect(item2.shippingPaid).toBeCloseTo(-47.142857143, 6);
    // the file's fees once each: −180 − 157.50 − 202.50 = −540 over the data rows
    const fees = t.rows.reduce((s, r) => s + (r.saleFees as number), 0);
    expect(fees).toBeCloseTo(-540, 9);
    expect([first.saleFees, last.saleFees]).toEqual([-180, -202.5]);
  });
});
