// The on-disk form of every index file: a small JSON header and typed arrays, checked by a
// CRC-32 over everything, written to a temporary name and renamed into place, so a crash
// never leaves a half-written file under a name the index refers to.
import { closeSync, fstatSync, fsyncSync, openSync, renameSync, writeSync, type BigIntStats } from "node:fs";
import { open, rename } from "node:fs/promises";
import path from "node:path";
import { crc32 } from "node:zlib";
import { fdCrc32, mapFd } from "@/lib/index/mapped-file";
import { verifiedFiles } from "@/lib/index/verified-files";

/** Bumped when the layout of any index file changes. */
export const FORMAT_VERSION = 6;

/**
 * Bumped when cleaning, tokenisation or anything else that decides what is indexed
 * changes: a saved index of another analyzer version is rebuilt, never served.
 */
export const ANALYZER_VERSION = "2026-11-29.6";

const MAGIC = Buffer.from("TIMTIN\u0000\u0001", "latin1");

export type TypedArray = Int32Array | Uint32Array | Uint16Array | Uint8Array | Float32Array | Float64Array;
const CONSTRUCTORS = { Int32Array, Uint32Array, Uint16Array, Uint8Array, Float32Array, Float64Array };
type ArrayType = keyof typeof CONSTRUCTORS;

interface Header {
  format: number;
  kind: string;
  json: unknown;
  arrays: { name: string; type: ArrayType; offset: number; length: number }[];
}

/** A file that is not a whole, current index file: the reason says which. */
export class IndexFileError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`${path.basename(file)}: ${reason}`);
  }
}

/** `writeAtomic` with the writes, fsync and rename on libuv's thread pool. */
export async function writeAtomicAsync(file: string, chunks: readonly Uint8Array[]) {
  const tmp = `${file}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
  const handle = await open(tmp, "w");
  try {
    for (const c of chunks) {
      for (let at = 0; at < c.byteLength;) at += (await handle.write(c, at, c.byteLength - at)).bytesWritten;
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(tmp, file);
}

/** Write `content` to `file` atomically: a temporary file, fsync, then rename. */
export function writeAtomic(file: string, chunks: readonly Uint8Array[]) {
  const tmp = `${file}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
  const fd = openSync(tmp, "w");
  try {
    for (const c of chunks) {
      // writeSync may write less than asked (large buffers): write until all is written.
      for (let at = 0; at < c.byteLength;) at += writeSync(fd, c, at, c.byteLength - at);
    }
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
}

const align8 = (n: number) => (n + 7) & ~7;

/**
 * File layout: magic (8 bytes) | CRC-32 of the rest (4) | header length (4) | header JSON |
 * padding to 8 | arrays, each at an 8-byte-aligned offset.
 */
export function writeIndexFile(file: string, kind: string, json: unknown, arrays: Record<string, TypedArray>) {
  const parts = indexFileParts(kind, json, arrays);
  let crc = 0;
  for (const b of parts.summed) crc = crc32(b, crc);
  writeAtomic(file, parts.chunks(crc));
}

/** Bytes summed between two turns of the event loop by `writeIndexFileAsync`. */
const CRC_SLICE = 1 << 20;

/**
 * `writeIndexFile` without holding the event loop (a live update's commit: pairs.bin alone is
 * 17 MB): the same bytes, the CRC-32 summed a MiB at a time between turns of the loop, the
 * writes and the fsync on libuv's thread pool. The arrays must not change until it resolves.
 */
export async function writeIndexFileAsync(file: string, kind: string, json: unknown, arrays: Record<string, TypedArray>) {
  const parts = indexFileParts(kind, json, arrays);
  let crc = 0;
  for (const b of parts.summed) {
    for (let at = 0; at < b.byteLength; at += CRC_SLICE) {
      crc = crc32(b.subarray(at, at + CRC_SLICE), crc);
      if (at + CRC_SLICE < b.byteLength) await new Promise((resolve) => setImmediate(resolve));
    }
  }
  await writeAtomicAsync(file, parts.chunks(crc));
}

/**
 * A header's `json` already encoded, in pieces that together are its JSON text: a writer that
 * keeps the pieces of what did not change (people.bin's per-file names) does not encode the
 * whole header again at every commit.
 */
export class EncodedJson {
  constructor(readonly pieces: readonly Uint8Array[]) {}
}

/** An index file's bytes: those the CRC covers (no empty views: Node's crc32 restarts from 0 on one), and all of them once the CRC is known. */
function indexFileParts(kind: string, json: unknown, arrays: Record<string, TypedArray>) {
  const entries: Header["arrays"] = [];
  let offset = 0;
  for (const [name, a] of Object.entries(arrays)) {
    entries.push({ name, type: a.constructor.name as ArrayType, offset, length: a.length });
    offset = align8(offset + a.byteLength);
  }
  // The same bytes as JSON.stringify({ format, kind, json, arrays }).
  const header =
    json instanceof EncodedJson
      ? [
          Buffer.from(`{"format":${FORMAT_VERSION},"kind":${JSON.stringify(kind)},"json":`),
          ...json.pieces,
          Buffer.from(`,"arrays":${JSON.stringify(entries)}}`),
        ]
      : [Buffer.from(JSON.stringify({ format: FORMAT_VERSION, kind, json, arrays: entries } satisfies Header))];
  const headerLength = header.reduce((sum, b) => sum + b.byteLength, 0);
  const padding = new Uint8Array(align8(headerLength) - headerLength);
  const body: Uint8Array[] = [];
  for (const a of Object.values(arrays)) {
    const bytes = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
    body.push(bytes);
    const pad = align8(a.byteLength) - a.byteLength;
    if (pad) body.push(new Uint8Array(pad));
  }
  const lengthBytes = Buffer.alloc(4);
  lengthBytes.writeUInt32LE(headerLength);
  const summed = [lengthBytes, ...header, padding, ...body].filter((b) => b.byteLength);
  const chunks = (crc: number) => {
    const crcBytes = Buffer.alloc(4);
    crcBytes.writeUInt32LE(crc);
    return [MAGIC, crcBytes, ...summed];
  };
  return { summed, chunks };
}

/**
 * Read and verify an index file of `kind`. The arrays are views over the file's bytes,
 * mapped where the platform allows (lib/index/mapped-file.ts): no copy, no parse. Throws
 * IndexFileError for a truncated, corrupt, foreign or other-version file. The CRC-32 of the
 * whole file is checked once per boot of the machine, not at every open, for a file unchanged
 * since (lib/index/verified-files.ts).
 */
export function readIndexFile(file: string, kind: string): { json: unknown; arrays: Record<string, TypedArray> } {
  let fd: number;
  try {
    fd = openSync(file, "r");
  } catch (error) {
    throw new IndexFileError(file, `cannot be read (${(error as Error).message})`);
  }
  try {
    let bytes: Uint8Array;
    let mapped: boolean;
    let st: BigIntStats;
    try {
      // The identity and the bytes of one open file: a rename meanwhile cannot mix two files.
      st = fstatSync(fd, { bigint: true });
      ({ bytes, mapped } = mapFd(fd, Number(st.size)));
    } catch (error) {
      throw new IndexFileError(file, `cannot be read (${(error as Error).message})`);
    }
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (buf.length < 16 || !buf.subarray(0, 8).equals(MAGIC)) throw new IndexFileError(file, "not an index file of this program");
    const verified = verifiedFiles();
    if (verified.isVerified(file, st)) verified.stats.skipped++;
    else {
      const crc = mapped ? fdCrc32(fd, 12) : crc32(buf.subarray(12));
      verified.stats.checked++;
      if (crc !== buf.readUInt32LE(8)) throw new IndexFileError(file, "checksum mismatch (truncated or corrupt)");
      verified.record(file, st);
    }
    return parseIndexFile(file, kind, buf);
  } finally {
    closeSync(fd);
  }
}

/** The header and arrays of a whole index file's bytes. */
function parseIndexFile(file: string, kind: string, buf: Buffer): { json: unknown; arrays: Record<string, TypedArray> } {
  const headerLength = buf.readUInt32LE(12);
  let header: Header;
  try {
    header = JSON.parse(buf.subarray(16, 16 + headerLength).toString("utf8"));
  } catch {
    throw new IndexFileError(file, "unreadable header");
  }
  if (header.format !== FORMAT_VERSION) throw new IndexFileError(file, `format version ${header.format}, expected ${FORMAT_VERSION}`);
  if (header.kind !== kind) throw new IndexFileError(file, `a ${header.kind} file where a ${kind} file was expected`);
  // Copy into an 8-byte-aligned buffer when Node handed back an unaligned (pooled) one.
  const base = 16 + align8(headerLength);
  let body: Uint8Array = buf;
  if (buf.byteOffset % 8 !== 0) {
    body = new Uint8Array(buf.length);
    body.set(buf);
  }
  const arrays: Record<string, TypedArray> = {};
  for (const a of header.arrays) {
    const Ctor = CONSTRUCTORS[a.type];
    if (!Ctor) throw new IndexFileError(file, `unknown array type ${a.type}`);
    const start = base + a.offset;
    if (start + a.length * Ctor.BYTES_PER_ELEMENT > body.length) throw new IndexFileError(file, "truncated");
    arrays[a.name] = new Ctor(body.buffer as ArrayBuffer, body.byteOffset + start, a.length);
  }
  return { json: header.json, arrays };
}
