/**
 * The one currency table: for each currency its ISO code, the marks exports write next to
 * amounts (`₹`, `Rs`, `INR` …), its decimals, and how amounts are written at home (symbol
 * before or after, decimal mark, digit grouping). Cell reading (cells.ts), per-table
 * currency (recognize/numbers.ts, diagnose.ts) and every formatted amount (rules, layout,
 * CLI, sidebar) read this table; adding a currency is one entry here.
 *
 * Pure and allocation-light at module load: Apps Script evaluates the bundle on every call.
 */

/** How one currency is written. */
export interface CurrencySpec {
  /** The symbol the report shows (unambiguous within this table: `NT$`, `HK$`, `MX$`). */
  symbol: string;
  /** Marks that mean this currency in a cell or header, besides the ISO code itself. */
  marks: readonly string[];
  /** Minor-unit digits shown (0 for JPY, KRW, VND, IDR). */
  decimals: 0 | 2;
  /** True when the symbol follows the amount (`12,000₫`, `1,200円`). */
  symbolAfter: boolean;
  /**
   * The decimal mark of the currency's home exports: `.` (1,234.56), `,` (1.234,56), or null
   * when it is written both ways (the euro: Ireland vs Germany), so a column must decide.
   */
  decimalMark: "." | "," | null;
  /** `indian`: lakh/crore grouping (₹10,76,626); `thousands`: groups of three. */
  grouping: "thousands" | "indian";
}

function c(
  symbol: string,
  marks: readonly string[],
  decimals: 0 | 2,
  decimalMark: "." | "," | null,
  options: { after?: boolean; indian?: boolean } = {},
): CurrencySpec {
  return {
    symbol,
    marks,
    decimals,
    symbolAfter: options.after ?? false,
    decimalMark,
    grouping: options.indian ? "indian" : "thousands",
  };
}

/**
 * The table. `¥`/`￥` mean the renminbi (the exports this add-on reads first are Chinese);
 * Japanese exports write `円` or `JPY`. A bare `$` means US dollars unless a longer mark
 * (`NT$`, `HK$`, `MX$` …) says otherwise.
 */
export const CURRENCIES = {
  CNY: c("¥", ["¥", "￥", "元", "RMB", "CN¥", "人民币"], 2, "."),
  USD: c("$", ["$", "＄", "US$"], 2, "."),
  GBP: c("£", ["£"], 2, "."),
  EUR: c("€", ["€"], 2, null),
  INR: c("₹", ["₹", "Rs.", "Rs"], 2, ".", { indian: true }),
  VND: c("₫", ["₫", "đ"], 0, ",", { after: true }),
  IDR: c("Rp", ["Rp"], 0, ","),
  THB: c("฿", ["฿"], 2, "."),
  MYR: c("RM", ["RM"], 2, "."),
  PHP: c("₱", ["₱"], 2, "."),
  SGD: c("S$", ["S$"], 2, "."),
  TWD: c("NT$", ["NT$"], 2, "."),
  HKD: c("HK$", ["HK$"], 2, "."),
  BRL: c("R$", ["R$"], 2, ","),
  MXN: c("MX$", ["MX$"], 2, "."),
  JPY: c("円", ["円", "JP¥"], 0, ".", { after: true }),
  KRW: c("₩", ["₩", "원"], 0, "."),
  CAD: c("CA$", ["CA$", "C$"], 2, "."),
  AUD: c("A$", ["AU$", "A$"], 2, "."),
} as const satisfies Record<string, CurrencySpec>;

/** An ISO 4217 code Shop Doctor knows. */
export type CurrencyCode = keyof typeof CURRENCIES;

export const CURRENCY_CODES = Object.keys(CURRENCIES) as CurrencyCode[];

/** The code the report uses when no table says anything about its currency. */
export const DEFAULT_CURRENCY: CurrencyCode = "CNY";

let markList: readonly (readonly [mark: string, code: CurrencyCode])[] | undefined;

/** Every mark (symbols and ISO codes) with its currency, longest first so `NT$` wins over `$`. */
export function currencyMarks(): readonly (readonly [mark: string, code: CurrencyCode])[] {
  if (!markList) {
    const list: [string, CurrencyCode][] = [];
    for (const code of CURRENCY_CODES) {
      list.push([code, code]);
      for (const mark of CURRENCIES[code].marks) list.push([mark, code]);
    }
    list.sort((a, b) => b[0].length - a[0].length);
    markList = list;
  }
  return markList;
}

function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && /[A-Za-z]/.test(ch);
}

/** A mark made of Latin letters (`RM`, `Rs`, `USD`) only counts as a whole word. */
function wordAt(text: string, at: number, mark: string): boolean {
  if (!isLetter(mark[0])) return true;
  return !isLetter(text[at - 1]) && !isLetter(text[at + mark.length]);
}

/**
 * The currency a cell's leading or trailing mark names (`₹1,08,218.36`, `1.234,56 €`,
 * `RM 12.50`, `12.000 VND`), or null. Only the cell's ends are looked at: linear, no regex.
 */
export function currencyOfCell(text: string): CurrencyCode | null {
  const t = text.trim();
  if (t === "") return null;
  const first = t.charCodeAt(0);
  const last = t.charCodeAt(t.length - 1);
  const digitEdges = first >= 48 && first <= 57 && last >= 48 && last <= 57;
  if (digitEdges) return null;
  // A sign or bracket may sit outside the mark: `-$12`, `($12.00)`.
  let from = 0;
  while (from < t.length && "-−+( ".includes(t[from])) from++;
  let to = t.length;
  while (to > from && ") %".includes(t[to - 1])) to--;
  const body = t.slice(from, to);
  for (const [mark, code] of currencyMarks()) {
    if (body.startsWith(mark) && wordAt(body, 0, mark)) return code;
    if (body.endsWith(mark) && wordAt(body, body.length - mark.length, mark)) return code;
  }
  return null;
}

/**
 * The currency a header names: `Sales (VND)`, `Ingresos por productos (MXN)`, `销售额(元)`,
 * `Price ($)`, `Umsatz (€)`. Symbols count anywhere; letter marks only as whole words.
 */
export function currencyOfHeader(header: string): CurrencyCode | null {
  if (header.length > 200) return null;
  for (const [mark, code] of currencyMarks()) {
    let at = header.indexOf(mark);
    while (at >= 0) {
      if (wordAt(header, at, mark)) {
        // `元` inside a word (元素, 회원, Đơn) is not a currency; only in brackets or at the end.
        if (!WORD_LIKE_MARKS.has(mark) || isBracketedOrLast(header, at)) return code;
      }
      at = header.indexOf(mark, at + 1);
    }
  }
  return null;
}

/** Marks that are also letters of words, so in a header they count only as `(元)` or a last character. */
const WORD_LIKE_MARKS: ReadonlySet<string> = new Set(["元", "円", "원", "đ"]);

function isBracketedOrLast(header: string, at: number): boolean {
  const before = header[at - 1];
  const after = header[at + 1];
  return at === header.length - 1 || before === "(" || before === "（" || after === ")" || after === "）";
}

/** The symbol the report shows for a currency. */
export function currencySymbol(code: CurrencyCode): string {
  return CURRENCIES[code].symbol;
}

/** Digits grouped by threes or, for the rupee, lakh/crore style (12,34,56,789). */
function groupInteger(int: string, grouping: CurrencySpec["grouping"]): string {
  if (int.length <= 3) return int;
  if (grouping === "indian") {
    const head = int.slice(0, -3);
    const tail = int.slice(-3);
    let out = "";
    for (let i = head.length; i > 0; i -= 2) out = head.slice(Math.max(0, i - 2), i) + (out ? "," + out : "");
    return `${out},${tail}`;
  }
  let out = "";
  for (let i = int.length; i > 0; i -= 3) out = int.slice(Math.max(0, i - 3), i) + (out ? "," + out : "");
  return out;
}

/**
 * An amount in its currency as the report writes it: the currency's symbol and placement
 * and grouping, with `.` as the decimal mark (the report's own number style, the same as
 * its percentages). `digits` defaults to the currency's decimals, fewer for large amounts
 * (`¥1,234` but `¥12.50`). Not a real number → "—".
 */
export function formatAmount(value: number, code: CurrencyCode, digits?: number): string {
  if (!Number.isFinite(value)) return "—";
  const spec: CurrencySpec = CURRENCIES[code];
  const places = digits ?? (spec.decimals === 0 || Math.abs(value) >= 100 ? 0 : 2);
  const fixed = Math.abs(value).toFixed(Math.min(places, spec.decimals));
  const dot = fixed.indexOf(".");
  const int = dot < 0 ? fixed : fixed.slice(0, dot);
  const body = groupInteger(int, spec.grouping) + (dot < 0 ? "" : fixed.slice(dot));
  const sign = value < 0 && Number(fixed) !== 0 ? "-" : "";
  return spec.symbolAfter ? `${sign}${body}${spec.symbol}` : `${sign}${spec.symbol}${body}`;
}

/** The Sheets number format for amounts in a currency (`"₹"#,##0.00`, `#,##0"₫"`). */
export function amountNumberFormat(code: CurrencyCode): string {
  const spec: CurrencySpec = CURRENCIES[code];
  const number = spec.decimals === 0 ? "#,##0" : "#,##0.00";
  const symbol = `"${spec.symbol.replace(/"/g, "")}"`;
  return spec.symbolAfter ? `${number}${symbol}` : `${symbol}${number}`;
}
