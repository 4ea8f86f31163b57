/**
 * The HTTP function's size limits (README "HTTP function" states the same numbers). Past any of
 * them the answer is 413 with a message saying which; nothing past them is read into the engine.
 */

/** One request's body: Cloud Run functions accept at most 32 MiB over HTTP/1 anyway. */
export const MAX_REQUEST_BYTES = 32 * 1024 * 1024;
/** Files in one multipart request. */
export const MAX_FILES = 20;
/** Sheets in one request (JSON sheets, or the tabs all files' workbooks hold). */
export const MAX_SHEETS = 50;
/** Rows of all sheets together (a year of daily data for 500 products is 182,500). */
export const MAX_ROWS = 200_000;
/** Cells of all sheets together. */
export const MAX_CELLS = 5_000_000;
