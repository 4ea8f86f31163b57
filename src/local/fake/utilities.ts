/**
 * The Blobs of the fake's Utilities (services.ts) and its base64Decode, newBlob and ungzip;
 * build/Code.js unpacks its server half with newBlob (over the bytes decodePacked gives,
 * src/gas/packed-text.ts) → ungzip → Blob.getDataAsString.
 * Bytes are Java's signed bytes (-128…127), as Utilities.base64Decode and Blob.getBytes return
 * them in Apps Script.
 */
import { gunzipSync } from "node:zlib";
import { type CallCounter, counted } from "./counter";

/** The same bytes as Java's signed values (a plain loop: Array.from over a typed array is 5× slower). */
function signed(bytes: Uint8Array): number[] {
  const view = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length);
  const out: number[] = new Array(view.length);
  for (let i = 0; i < view.length; i++) out[i] = view[i];
  return out;
}

/** Signed or unsigned byte values as bytes (a typed array stores each modulo 256). */
function unsigned(bytes: readonly number[]): Uint8Array {
  return Uint8Array.from(bytes);
}

/** A Blob over bytes (what newBlob, ungzip return); text is read as UTF-8 unless another charset is named. */
export class FakeBlob {
  private readonly bytes: Uint8Array;
  constructor(
    bytes: Uint8Array,
    private readonly contentType: string | null,
    readonly _counter: CallCounter,
  ) {
    this.bytes = bytes;
    return counted(this, "Blob", _counter);
  }
  getBytes(): number[] {
    return signed(this.bytes);
  }
  getContentType(): string | null {
    return this.contentType;
  }
  getDataAsString(charset = "UTF-8"): string {
    return new TextDecoder(charset).decode(this.bytes);
  }
  _raw(): Uint8Array {
    return this.bytes;
  }
}

/** Utilities.base64Decode: signed bytes; text that is not base-64 is refused rather than decoded in part. */
export function base64Decode(encoded: string): number[] {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(encoded) || encoded.length % 4 !== 0)
    throw new Error("Utilities.base64Decode: the text is not base-64");
  return signed(Buffer.from(encoded, "base64"));
}

/** Utilities.newBlob over text (UTF-8) or bytes. */
export function newBlob(
  data: string | readonly number[],
  contentType: string | undefined,
  counter: CallCounter,
): FakeBlob {
  const bytes = typeof data === "string" ? new TextEncoder().encode(data) : unsigned(data);
  return new FakeBlob(bytes, contentType ?? null, counter);
}

/** Utilities.ungzip: the gunzipped bytes of `blob`; data that is not gzip throws, as in Apps Script. */
export function ungzip(blob: FakeBlob, counter: CallCounter): FakeBlob {
  return new FakeBlob(new Uint8Array(gunzipSync(blob._raw())), null, counter);
}

type PublicMethods<T> = {
  [K in keyof T]: T[K] extends (...args: never[]) => unknown ? (K extends `_${string}` ? never : K) : never;
}[keyof T];
type Invented<T, Real> = Exclude<PublicMethods<T>, keyof Real>;
/** Compile-time proof that no method name here is made up. */
const _blobNamesMatchAppsScript: [Invented<FakeBlob, GoogleAppsScript.Base.Blob>] extends [never] ? true : false = true;
