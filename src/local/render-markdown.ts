/**
 * Renders a ReportGrid as Markdown, for chat and for the HTTP function's `?format=markdown`:
 * the same rows the report sheet shows, in the same words and number formats (values go
 * through formatCellValue, as in the HTML page). It reads the layout's own shape rather than a
 * list of sections, so a block added to the layout shows here too:
 * - the first row is the `#` title; a row of one bold cell across the sheet is a heading
 *   (`##` on a grey band, `###` otherwise — the findings' areas);
 * - a row of bold cells without merges is a table header: the rows after it are that table's,
 *   until a blank row or a `##` heading, and the header repeats under each `###` heading;
 * - any other row is one line: a bold label first, or `1.` for a numbered action.
 * Every piece of text is escaped, so a product name cannot add formatting, links or HTML.
 */
import type { ReportGrid } from "../engine/report";
import { formatCellValue } from "./render-grid";

interface Segment {
  text: string;
  bold: boolean;
  column: number;
  span: number;
}

/** Escapes text so it shows as itself in Markdown (and in chat apps' Markdown): one line, no markup, no HTML. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n\t]+/g, " ")
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/([\\`*_[\]#|])/g, "\\$1")
    .replace(/~~/g, "\\~\\~");
}

/** Each row's cells, merged cells as one segment at their first column (the covered cells left out). */
function rowSegments(grid: ReportGrid): Segment[][] {
  const width = grid.columnWidths.length || Math.max(0, ...grid.values.map((r) => r.length));
  const covered = new Set<string>();
  const spans = new Map<string, number>();
  for (const m of grid.merges) {
    spans.set(`${m.row - 1}:${m.column - 1}`, m.numColumns);
    for (let r = m.row - 1; r < m.row - 1 + m.numRows; r++) {
      for (let c = m.column - 1; c < m.column - 1 + m.numColumns; c++) {
        if (r !== m.row - 1 || c !== m.column - 1) covered.add(`${r}:${c}`);
      }
    }
  }
  return grid.values.map((row, r) => {
    const out: Segment[] = [];
    for (let c = 0; c < width; c++) {
      if (covered.has(`${r}:${c}`)) continue;
      const text = formatCellValue(row[c] ?? null, grid.numberFormats[r]?.[c] ?? "");
      const bold = grid.fontWeights[r]?.[c] === "bold";
      out.push({ text: escapeMarkdown(text), bold, column: c, span: spans.get(`${r}:${c}`) ?? 1 });
    }
    return out;
  });
}

type RowKind = "blank" | "heading" | "header" | "line";

function kindOf(segments: Segment[]): RowKind {
  const filled = segments.filter((s) => s.text !== "");
  if (filled.length === 0) return "blank";
  if (filled.length === 1 && filled[0].column === 0 && filled[0].bold && segments.length <= 2) return "heading";
  if (filled.length >= 2 && filled.every((s) => s.bold) && segments.every((s) => s.span === 1)) return "header";
  return "line";
}

/** One line for a row outside a table: `**label** value · value`, or `1. action · impact`. */
function lineOf(segments: Segment[]): string {
  const filled = segments.filter((s) => s.text !== "");
  const [first, ...rest] = filled;
  if (/^\d+$/.test(first.text) && !first.bold && rest.length > 0) {
    return `${first.text}. ${rest.map((s) => s.text).join(" · ")}`;
  }
  const head = first.bold ? `**${first.text}**` : first.text;
  return [head, ...rest.map((s) => (s.bold ? `**${s.text}**` : s.text))].join(" · ");
}

function tableRow(cells: string[]): string {
  return `| ${cells.join(" | ")} |`;
}

/** The whole report as Markdown (see the module comment). */
export function renderMarkdown(grid: ReportGrid): string {
  const out: string[] = [];
  let header: string[] | null = null;
  let headerShown = false;
  const rows = rowSegments(grid);
  rows.forEach((segments, r) => {
    const kind = kindOf(segments);
    const filled = segments.filter((s) => s.text !== "");
    if (kind === "blank") {
      header = null;
      if (out.length && out[out.length - 1] !== "") out.push("");
      return;
    }
    if (kind === "heading" || r === 0) {
      const grey = (grid.backgrounds[r]?.[0] ?? "#ffffff").toLowerCase() !== "#ffffff";
      const level = r === 0 ? "#" : grey ? "##" : "###";
      if (level !== "###") header = null;
      headerShown = false;
      if (out.length && out[out.length - 1] !== "") out.push("");
      out.push(`${level} ${filled.map((s) => s.text).join(" · ")}`, "");
      return;
    }
    if (kind === "header") {
      header = segments.map((s) => s.text);
      headerShown = false;
      return;
    }
    if (header) {
      if (!headerShown) out.push(tableRow(header), tableRow(header.map(() => "---")));
      headerShown = true;
      const cells = new Array<string>(header.length).fill("");
      for (const s of segments) if (s.column < cells.length) cells[s.column] = s.text;
      out.push(tableRow(cells));
      return;
    }
    out.push(lineOf(segments), "");
  });
  while (out.length && out[out.length - 1] === "") out.pop();
  return `${out.join("\n")}\n`;
}
