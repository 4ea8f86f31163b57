/**
 * A zip-bomb guard for .xlsx files (zip archives): before a workbook library unpacks anything,
 * every entry is inflated here with a hard cap on its output (zlib's maxOutputLength), so a
 * small file that would unpack to gigabytes is refused after at most the budget is produced —
 * whatever sizes its headers claim. The library then inflates the same bytes to the same sizes.
 */
import { inflateRawSync } from "node:zlib";

export interface ZipLimits {
  /** All entries together, unpacked. */
  maxUnpackedBytes: number;
  /** Parts in the archive (a workbook has a few per sheet). */
  maxEntries: number;
}

export type ZipCheck =
  | { ok: true; entries: string[]; unpackedBytes: number }
  | { ok: false; reason: "too-large" | "broken"; detail: string };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The end-of-central-directory record: the last 22+ bytes (a comment of up to 64 KiB may follow it). */
function findEndRecord(zip: Buffer): number {
  const lowest = Math.max(0, zip.length - 22 - 0xffff);
  for (let i = zip.length - 22; i >= lowest; i--) if (zip.readUInt32LE(i) === EOCD) return i;
  return -1;
}

interface Entry {
  name: string;
  method: number;
  compressed: number;
  localOffset: number;
}

function centralEntries(zip: Buffer, limits: ZipLimits): Entry[] | ZipCheck {
  const end = findEndRecord(zip);
  if (end < 0) return { ok: false, reason: "broken", detail: "no zip directory" };
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  if (count === 0xffff || at === 0xffffffff) return { ok: false, reason: "too-large", detail: "zip64 archive" };
  if (count > limits.maxEntries) return { ok: false, reason: "too-large", detail: `${count} parts` };
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL) {
      return { ok: false, reason: "broken", detail: "damaged zip directory" };
    }
    const nameLength = zip.readUInt16LE(at + 28);
    entries.push({
      name: zip.toString("utf8", at + 46, at + 46 + nameLength),
      method: zip.readUInt16LE(at + 10),
      compressed: zip.readUInt32LE(at + 20),
      localOffset: zip.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

/** The bytes of one entry as stored (compressed), from its local header. */
function storedBytes(zip: Buffer, entry: Entry): Buffer | null {
  const at = entry.localOffset;
  if (at + 30 > zip.length || zip.readUInt32LE(at) !== LOCAL) return null;
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  if (start + entry.compressed > zip.length) return null;
  return zip.subarray(start, start + entry.compressed);
}

/** Inflates every entry within the budget; says why not when it cannot. */
export function checkZip(zip: Buffer, limits: ZipLimits): ZipCheck {
  const listed = centralEntries(zip, limits);
  if (!Array.isArray(listed)) return listed;
  let left = limits.maxUnpackedBytes;
  for (const entry of listed) {
    const stored = storedBytes(zip, entry);
    if (!stored) return { ok: false, reason: "broken", detail: `damaged part ${entry.name}` };
    let size: number;
    if (entry.method === 0) size = stored.length;
    else if (entry.method === 8) {
      try {
        size = inflateRawSync(stored, { maxOutputLength: Math.max(1, left + 1) }).length;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === "ERR_BUFFER_TOO_LARGE") return { ok: false, reason: "too-large", detail: entry.name };
        return { ok: false, reason: "broken", detail: `damaged part ${entry.name}` };
      }
    } else return { ok: false, reason: "broken", detail: `compression method ${entry.method}` };
    left -= size;
    if (left < 0) return { ok: false, reason: "too-large", detail: entry.name };
  }
  return { ok: true, entries: listed.map((e) => e.name), unpackedBytes: limits.maxUnpackedBytes - left };
}
