/** Small helpers for issue messages that point the user at a cell they can find. */

/** 1-based column number → sheet letters (1 → A, 27 → AA). */
export function columnLetter(column: number): string {
  let n = column;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** `A1`-style reference for a 1-based row and column. */
export function cellRef(row: number, column: number): string {
  return `${columnLetter(column)}${row}`;
}

/** Cell text for a message: short, quoted, never a whole pasted paragraph. */
export function quoteCell(text: string): string {
  const t = text.length > 40 ? `${text.slice(0, 37)}…` : text;
  return `"${t}"`;
}
