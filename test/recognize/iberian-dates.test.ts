/**
 * Spanish and Portuguese long dates as Mercado Libre writes them (`15 de octubre de 2026
 * 10:32 hs.`, `15 de outubro de 2026 10:32`) and the short forms (`15 oct 2026`): read to ISO
 * days by the engine's one date reader; a word that is no month stays text and is reported by cell.
 */
import { describe, expect, it } from "vitest";
import { recognizeTables } from "../../src/engine";
import { parseMonthNameDate, readDate } from "../../src/engine/cells";

const iso = (text: string) => {
  const r = readDate(text);
  return r.kind === "date" ? r.iso : r.kind;
};

const SPANISH = [
  "enero",
  "febrero",
  "marzo",
  "abril",
  "mayo",
  "junio",
  "julio",
  "agosto",
  "septiembre",
  "octubre",
  "noviembre",
  "diciembre",
];
const PORTUGUESE = [
  "janeiro",
  "fevereiro",
  "março",
  "abril",
  "maio",
  "junho",
  "julho",
  "agosto",
  "setembro",
  "outubro",
  "novembro",
  "dezembro",
];
const SPANISH_SHORT = ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic"];
const PORTUGUESE_SHORT = ["jan", "fev", "mar", "abr", "mai", "jun", "jul", "ago", "set", "out", "nov", "dez"];

const mm = (i: number) => String(i + 1).padStart(2, "0");

describe("Spanish and Portuguese month names", () => {
  SPANISH.forEach((name, i) => {
    it(`es: 15 de ${name} de 2026 10:32 hs. → 2026-${mm(i)}-15`, () => {
      expect(iso(`15 de ${name} de 2026 10:32 hs.`)).toBe(`2026-${mm(i)}-15`);
      expect(iso(`15 de ${name[0].toUpperCase()}${name.slice(1)} de 2026`)).toBe(`2026-${mm(i)}-15`);
    });
  });
  PORTUGUESE.forEach((name, i) => {
    it(`pt: 15 de ${name} de 2026 10:32 → 2026-${mm(i)}-15`, () => {
      expect(iso(`15 de ${name} de 2026 10:32`)).toBe(`2026-${mm(i)}-15`);
      expect(iso(`15 de ${name} de 2026 às 10:32`)).toBe(`2026-${mm(i)}-15`);
    });
  });
  it("abbreviations, with or without the dot and `de`", () => {
    SPANISH_SHORT.forEach((a, i) => {
      expect(iso(`15 ${a} 2026`)).toBe(`2026-${mm(i)}-15`);
      expect(iso(`15 de ${a}. de 2026`)).toBe(`2026-${mm(i)}-15`);
    });
    PORTUGUESE_SHORT.forEach((a, i) => {
      expect(iso(`15 ${a} 2026`)).toBe(`2026-${mm(i)}-15`);
      expect(iso(`15 ${a}. 2026 10:32`)).toBe(`2026-${mm(i)}-15`);
    });
    // the variants Peru and Uruguay write, and a one-digit day
    expect(iso("3 de setiembre de 2026 09:05 hs.")).toBe("2026-09-03");
    expect(iso("3 de noviembre de 2026 14:05 hs.")).toBe("2026-11-03");
  });
  it("a word that is no month, or a day the month lacks, stays text", () => {
    expect(iso("15 de octobre de 2026")).toBe("invalid");
    expect(iso("15 de outro de 2026")).toBe("invalid");
    expect(iso("31 de febrero de 2026")).toBe("invalid");
    expect(iso("30 de fevereiro de 2026 10:32")).toBe("invalid");
    expect(parseMonthNameDate("15 de octubre")).toBeNull();
  });
});

describe("a Mercado Libre sales table with long dates", () => {
  it("reads the days and names the cell it cannot read", () => {
    const [t] = recognizeTables([
      {
        name: "ventas",
        values: [
          ["# de venta", "Fecha de venta", "Unidades", "Ingresos por productos (MXN)", "Título de la publicación"],
          ["2000004001", "15 de octubre de 2026 10:32 hs.", 1, 600, "Guantes térmicos"],
          ["2000004002", "2 de noviembre de 2026 18:01 hs.", 1, 400, "Bufanda de lana"],
          ["2000004003", "5 de octobre de 2026 09:00 hs.", 1, 450, "Bufanda de lana"],
        ],
      },
    ]);
    expect(t.rows.map((r) => r.date)).toEqual(["2026-10-15", "2026-11-02", null]);
    const bad = t.issues.find((i) => i.code === "not-a-date")!;
    // row 4 of the sheet, column B
    expect(bad).toMatchObject({ row: 4, column: 2, text: "5 de octobre de 2026 09:00 hs." });
    expect(bad.message).toContain("B4");
  });
});
