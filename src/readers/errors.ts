/**
 * A problem reading an export file, with a message that names the file and what to do. Problems
 * found in the bytes themselves (what the HTTP function meets too) carry a catalogue key, so
 * each adapter words them in its own language; the CLI's file-system problems are plain text.
 */
import { translate, type MessageKey } from "../engine";
import type { Params } from "../engine/i18n/format";
import type { Language } from "../engine/i18n/languages";

/** Why a file was refused: too large (HTTP 413) or not a readable export (HTTP 415). */
export type ReadProblemKind = "too-large" | "unreadable";

export interface ReadProblem {
  key: MessageKey;
  params?: Params;
  kind?: ReadProblemKind;
  /** The tab the problem is in, when it is in one. */
  sheet?: string;
}

export class ExportReadError extends Error {
  readonly problem: ReadProblem | null;
  constructor(
    readonly file: string,
    message: string | ReadProblem,
  ) {
    super(typeof message === "string" ? message : translate("en", message.key, { file, ...message.params }));
    this.name = "ExportReadError";
    this.problem = typeof message === "string" ? null : message;
  }

  get kind(): ReadProblemKind {
    return this.problem?.kind ?? "unreadable";
  }

  /** The message in `language` (plain-text problems have only their one wording). */
  messageIn(language: Language): string {
    if (!this.problem) return this.message;
    return translate(language, this.problem.key, { file: this.file, ...this.problem.params });
  }
}

/** "100 MB": a byte limit as messages state it (MB = 1024 × 1024 bytes, rounded down). */
export function megabytes(bytes: number): string {
  return `${Math.floor(bytes / (1024 * 1024))} MB`;
}
