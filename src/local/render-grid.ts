/**
 * Renders a ReportGrid (or any sheet-like grid) as an HTML table with the sheet's layout:
 * values shown through their number formats, backgrounds, font colours and weights,
 * merges, column widths and notes (as hover titles). Used by the CLI's `--out` page and
 * the local preview, so both look like the report sheet. Pure string building; every
 * piece of text is escaped.
 */
import { columnLetter } from "../engine/recognize/issues";
import type { ReportGrid } from "../engine/report";

/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** Groups the integer digits in threes: 1234567 → 1,234,567. */
function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** Formats one number with one format section such as `0.00%`, `"¥"#,##0.00`, `#,##0`. */
function formatSection(value: number, section: string): string {
  // Quoted literals and backslash-escaped characters are copied as they are.
  const parts: { literal: boolean; text: string }[] = [];
  const re = /"([^"]*)"|\\(.)|([^"\\]+)/g;
  let match: RegExpExecArray | null;
  while ((match = re.exec(section))) {
    if (match[1] !== undefined) parts.push({ literal: true, text: match[1] });
    else if (match[2] !== undefined) parts.push({ literal: true, text: match[2] });
    else parts.push({ literal: false, text: match[3] });
  }
  const code = parts
    .filter((p) => !p.literal)
    .map((p) => p.text)
    .join("");
  const numberPattern = /[#0?][#0?,]*(\.[0#?]*)?/.exec(code);
  if (!numberPattern) return parts.map((p) => p.text).join("");
  const percent = code.includes("%");
  const decimals = numberPattern[1] ? numberPattern[1].replace(/[^0#?]/g, "").length : 0;
  const minDecimals = numberPattern[1] ? numberPattern[1].replace(/[^0]/g, "").length : 0;
  const grouping = numberPattern[0].split(".")[0].includes(",");
  const scaled = Math.abs(percent ? value * 100 : value);
  let text = scaled.toFixed(decimals);
  if (decimals > minDecimals) text = text.replace(new RegExp(`0{1,${decimals - minDecimals}}$`), "").replace(/\.$/, "");
  const [whole, fraction] = text.split(".");
  let integer = whole;
  if (grouping) integer = groupThousands(integer);
  const numberText = fraction !== undefined ? `${integer}.${fraction}` : integer;
  // Rebuild the section: literals around the number pattern stay in place.
  let out = "";
  let placed = false;
  for (const part of parts) {
    if (part.literal) {
      out += part.text;
      continue;
    }
    const local = /[#0?][#0?,]*(\.[0#?]*)?/.exec(part.text);
    if (local && !placed) {
      out += part.text.slice(0, local.index) + numberText + part.text.slice(local.index + local[0].length);
      placed = true;
    } else {
      out += part.text;
    }
  }
  return out;
}

/**
 * Shows a cell value the way Sheets would under a number format (`0.00%`, `"¥"#,##0.00`,
 * `#,##0`, `0.0`, `@`, "" / General). Text is shown unchanged.
 */
export function formatCellValue(value: string | number | boolean | null | undefined, numberFormat = ""): string {
  if (value === null || value === undefined || value === "") return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  if (!Number.isFinite(value)) return String(value);
  const fmt = numberFormat.trim();
  if (fmt === "" || /^general$/i.test(fmt) || fmt === "@") {
    return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(10)));
  }
  const sections = fmt.split(";");
  if (value < 0 && sections.length > 1) return formatSection(-value, sections[1]);
  if (value === 0 && sections.length > 2) return formatSection(0, sections[2]);
  // One section: the minus sign goes in front of everything, unless the value rounds to zero.
  const text = formatSection(Math.abs(value), sections[0]);
  return value < 0 && /[1-9]/.test(text) ? `-${text}` : text;
}

/** The minimal grid shape the renderer needs; a ReportGrid fits it, so does a data tab. */
export type RenderableGrid = Pick<ReportGrid, "values"> &
  Partial<Omit<ReportGrid, "values" | "sheetName" | "chart">> & { sheetName?: string };

export interface RenderGridOptions {
  /** Adds A, B, C… column letters and 1, 2, 3… row numbers, like a spreadsheet. */
  headings?: boolean;
  /** Extra class on the <table>. */
  className?: string;
}

/** A, B, …, Z, AA, AB … for a 1-based column (the engine's, so issues and grids agree). */
export { columnLetter };

const CSS_COLOR = /^#[0-9a-f]{3,8}$/i;

/** Renders the grid as one `<table>`; the page around it supplies the stylesheet from GRID_CSS. */
export function renderGridTable(grid: RenderableGrid, options: RenderGridOptions = {}): string {
  const rows = grid.values.length;
  const columns = grid.values.reduce((max, row) => Math.max(max, row.length), 0);
  // Merged areas: the top-left cell spans, the others are skipped.
  const covered = new Set<string>();
  const spans = new Map<string, { rowspan: number; colspan: number }>();
  for (const m of grid.merges ?? []) {
    spans.set(`${m.row - 1}:${m.column - 1}`, { rowspan: m.numRows, colspan: m.numColumns });
    for (let r = 0; r < m.numRows; r++) {
      for (let c = 0; c < m.numColumns; c++) if (r || c) covered.add(`${m.row - 1 + r}:${m.column - 1 + c}`);
    }
  }
  const frozen = grid.frozenRows ?? 0;
  const out: string[] = [];
  // With a width for every column the layout is fixed like the sheet's; otherwise it fits the text.
  const widths = Array.from({ length: columns }, (_, c) => grid.columnWidths?.[c] ?? 0);
  const fixed = columns > 0 && widths.every((w) => w > 0);
  const tableWidth = widths.reduce((sum, w) => sum + w, options.headings ? 40 : 0);
  const classes = ["sd-grid", fixed ? "sd-fixed" : "", options.className ? escapeHtml(options.className) : ""].filter(
    Boolean,
  );
  out.push(`<table class="${classes.join(" ")}"${fixed ? ` style="width:${Math.round(tableWidth)}px"` : ""}>`);
  out.push("<colgroup>");
  if (options.headings) out.push('<col style="width:40px">');
  for (let c = 0; c < columns; c++) {
    const width = grid.columnWidths?.[c];
    out.push(width && width > 0 ? `<col style="width:${Math.round(width)}px">` : "<col>");
  }
  out.push("</colgroup>");
  if (options.headings) {
    out.push('<thead><tr><th class="sd-corner"></th>');
    for (let c = 1; c <= columns; c++) out.push(`<th class="sd-colhead">${columnLetter(c)}</th>`);
    out.push("</tr></thead>");
  }
  out.push("<tbody>");
  for (let r = 0; r < rows; r++) {
    out.push(r < frozen ? '<tr class="sd-frozen">' : "<tr>");
    if (options.headings) out.push(`<th class="sd-rowhead">${r + 1}</th>`);
    for (let c = 0; c < columns; c++) {
      const key = `${r}:${c}`;
      if (covered.has(key)) continue;
      const value = grid.values[r]?.[c] ?? null;
      const format = grid.numberFormats?.[r]?.[c] ?? "";
      const style: string[] = [];
      const background = grid.backgrounds?.[r]?.[c];
      if (background && CSS_COLOR.test(background) && background.toLowerCase() !== "#ffffff")
        style.push(`background:${background}`);
      const color = grid.fontColors?.[r]?.[c];
      if (color && CSS_COLOR.test(color) && color.toLowerCase() !== "#000000") style.push(`color:${color}`);
      if (grid.fontWeights?.[r]?.[c] === "bold") style.push("font-weight:bold");
      const attrs: string[] = [`data-cell="${columnLetter(c + 1)}${r + 1}"`];
      const span = spans.get(key);
      if (span && span.rowspan > 1) attrs.push(`rowspan="${span.rowspan}"`);
      if (span && span.colspan > 1) attrs.push(`colspan="${span.colspan}"`);
      const classes: string[] = [];
      if (typeof value === "number") classes.push("sd-num");
      // Wrapped text breaks into lines inside its column (the row grows), as in the sheet.
      if (grid.wraps?.[r]?.[c]) classes.push("sd-wrap");
      const note = grid.notes?.[r]?.[c] ?? "";
      if (note) {
        classes.push("sd-note");
        attrs.push(`title="${escapeHtml(note)}"`);
      }
      if (classes.length) attrs.push(`class="${classes.join(" ")}"`);
      if (style.length) attrs.push(`style="${style.join(";")}"`);
      out.push(`<td ${attrs.join(" ")}>${escapeHtml(formatCellValue(value, format))}</td>`);
    }
    out.push("</tr>");
  }
  out.push("</tbody></table>");
  return out.join("");
}

/** The stylesheet for renderGridTable's output: a light spreadsheet look. */
export const GRID_CSS = `
.sd-grid.sd-fixed{table-layout:fixed}
.sd-grid{border-collapse:collapse;font:13px/1.35 Arial,"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;background:#fff}
.sd-grid td,.sd-grid th{height:21px;border:1px solid #e2e3e3;padding:3px 6px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;vertical-align:bottom}
.sd-grid td.sd-num{text-align:right}
.sd-grid td.sd-wrap{white-space:pre-wrap;overflow-wrap:anywhere;text-overflow:clip}
.sd-grid td.sd-note{position:relative}
.sd-grid td.sd-note::after{content:"";position:absolute;top:0;right:0;border-style:solid;border-width:0 6px 6px 0;border-color:transparent #f29900 transparent transparent}
.sd-grid th{background:#f8f9fa;color:#5f6368;font-weight:normal;text-align:center}
.sd-grid tr.sd-frozen td{border-bottom-color:#bdc1c6}
.sd-funnel{margin:16px 0;padding:12px 16px;max-width:640px;background:#fff;border:1px solid #dadce0;border-radius:6px;font:13px Arial,"Noto Sans CJK SC","PingFang SC",sans-serif}
.sd-funnel figcaption{font-weight:bold;margin-bottom:8px}
.sd-step{display:grid;grid-template-columns:90px 1fr 150px;align-items:center;gap:8px;margin:4px 0}
.sd-bar{display:block;height:16px;background:#4285f4;border-radius:2px}
.sd-count{text-align:right}
.sd-rate{color:#5f6368;margin-left:6px}
`;

/**
 * The report's funnel chart (visitors → detail-page visitors → ordering → paying buyers) as
 * plain HTML bars read from the chart's source cells, with each step's conversion.
 */
export function renderFunnelChart(grid: RenderableGrid & { chart?: ReportGrid["chart"] }): string {
  const chart = grid.chart;
  if (!chart) return "";
  const steps: { label: string; count: number }[] = [];
  for (let r = chart.range.row; r < chart.range.row + chart.range.numRows; r++) {
    const label = grid.values[r - 1]?.[chart.range.column - 1];
    const count = grid.values[r - 1]?.[chart.range.column];
    if (typeof count === "number" && Number.isFinite(count) && count >= 0)
      steps.push({ label: String(label ?? ""), count });
  }
  if (steps.length === 0) return "";
  const max = Math.max(...steps.map((s) => s.count), 1);
  const bars = steps.map((step, i) => {
    const width = Math.max(0.5, (step.count / max) * 100);
    const previous = i > 0 ? steps[i - 1].count : 0;
    const rate =
      i > 0 && previous > 0
        ? ` <span class="sd-rate">${escapeHtml(formatCellValue(step.count / previous, "0.0%"))}</span>`
        : "";
    return (
      `<div class="sd-step"><span class="sd-label">${escapeHtml(step.label)}</span>` +
      `<span class="sd-bar" style="width:${width.toFixed(2)}%"></span>` +
      `<span class="sd-count">${escapeHtml(formatCellValue(step.count, "#,##0"))}${rate}</span></div>`
    );
  });
  return `<figure class="sd-funnel"><figcaption>${escapeHtml(chart.title)}</figcaption>${bars.join("")}</figure>`;
}

/** A complete, self-contained HTML page showing one grid (the CLI's `--out`). */
export function renderGridPage(
  grid: RenderableGrid & { chart?: ReportGrid["chart"] },
  title: string,
  lang = "zh-CN",
): string {
  return [
    "<!doctype html>",
    `<html lang="${escapeHtml(lang)}"><head><meta charset="utf-8">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>body{margin:16px;background:#f1f3f4}${GRID_CSS}</style>`,
    "</head><body>",
    renderGridTable(grid),
    renderFunnelChart(grid),
    "</body></html>",
    "",
  ].join("\n");
}
