// An index file's bytes, mapped from the page cache instead of copied into the heap.
//
// Why: reading a saved index whole (readFileSync) copies every byte into fresh memory, so a
// restart costs time and resident memory in proportion to the archive, in every server
// process. Mapping the file lets the kernel share one copy in the page cache between
// processes and bring in only the pages a query touches, as Lucene's MMapDirectory and
// Tantivy's MmapDirectory do. Node has no mmap of its own, so this uses the small native
// addon @riaskov/mmap-io (an optional dependency). Without it (not built on this platform,
// or TIMTIN_MMAP=0) the file is read whole, as before: the same bytes, only slower.
import { closeSync, fstatSync, openSync, readFileSync, readSync } from "node:fs";
import { createRequire } from "node:module";
import { crc32 } from "node:zlib";

interface Mmap {
  map(size: number, protection: number, flags: number, fd: number, offset?: number): Buffer;
  readonly PROT_READ: number;
  readonly PROT_WRITE: number;
  readonly MAP_PRIVATE: number;
}

const ADDON = ["@riaskov", "mmap-io"].join("/");
let addon: Mmap | null | undefined;

/** The mmap addon, or null when it is not installed, fails to load, or is turned off. */
function mmapAddon(): Mmap | null {
  if (addon === undefined) {
    addon = null;
    if (process.env.TIMTIN_MMAP !== "0") {
      try {
        // A name the bundler does not follow: the addon is loaded from node_modules at run
        // time, never traced into the server bundle (Turbopack cannot trace node-pre-gyp).
        addon = createRequire(import.meta.url)(/* turbopackIgnore: true */ ADDON) as Mmap;
      } catch {
        // Not built here: read files whole.
      }
    }
  }
  return addon;
}

/** Whether index files are mapped rather than read whole (shown in /api/health). */
export function filesAreMapped(): boolean {
  return mmapAddon() !== null;
}

/** Files smaller than this are read: a mapping costs at least a page and a syscall. */
const MAP_THRESHOLD = 64 * 1024;

/**
 * The bytes of `file`, mapped when possible. The mapping is private and writable, so a
 * stray write into an array changes this process's copy only, never the file (and never
 * faults). Saved index files are replaced by rename, never rewritten in place, so a mapped
 * file does not change under its readers.
 */
export function mapFile(file: string): { bytes: Uint8Array; mapped: boolean } {
  const fd = openSync(file, "r");
  try {
    return mapFd(fd, fstatSync(fd).size);
  } finally {
    closeSync(fd);
  }
}

/** The `size` bytes of the open file `fd`, mapped when possible (see mapFile); the fd may be closed after. */
export function mapFd(fd: number, size: number): { bytes: Uint8Array; mapped: boolean } {
  const mm = mmapAddon();
  if (!mm || size < MAP_THRESHOLD) return { bytes: readFileSync(fd), mapped: false };
  return { bytes: mm.map(size, mm.PROT_READ | mm.PROT_WRITE, mm.MAP_PRIVATE, fd, 0), mapped: true };
}

const CHUNK = 1 << 20;
let chunk: Buffer | null = null;

/**
 * CRC-32 of `file` from byte `from` on, read through one small reused buffer rather than
 * through the mapping, so checking a file does not make every one of its pages resident
 * in this process.
 */
export function fileCrc32(file: string, from: number): number {
  const fd = openSync(file, "r");
  try {
    return fdCrc32(fd, from);
  } finally {
    closeSync(fd);
  }
}

/** fileCrc32 of an open file. */
export function fdCrc32(fd: number, from: number): number {
  chunk ??= Buffer.allocUnsafeSlow(CHUNK);
  let crc = 0;
  for (let at = from; ;) {
    const n = readSync(fd, chunk, 0, CHUNK, at);
    if (n === 0) return crc;
    crc = crc32(chunk.subarray(0, n), crc);
    at += n;
  }
}
