/** The function's error answers: a status, a stable code, a catalogue message and where the problem is. */
import type { MessageKey } from "../engine";
import type { Params } from "../engine/i18n/format";
import type { Language } from "../engine/i18n/languages";

export interface Where {
  file: string | null;
  sheet: string | null;
  /** An A1 cell, or for a setting the settings key. */
  cell: string | null;
}

export class HttpError extends Error {
  /** The language to word it in, when the request's settings chose one. */
  language: Language | null = null;
  constructor(
    readonly status: number,
    readonly code: string,
    readonly key: MessageKey,
    readonly params: Params = {},
    readonly where: Partial<Where> = {},
  ) {
    super(code);
  }
}

export function whereOf(where: Partial<Where>): Where {
  return { file: where.file ?? null, sheet: where.sheet ?? null, cell: where.cell ?? null };
}
