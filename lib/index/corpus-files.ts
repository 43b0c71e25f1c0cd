// Reading corpus files for the index, record by record, with the byte offset reached, so
// a .jsonl that grows is read from where the last read stopped.
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { lstat, open, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { createGunzip } from "node:zlib";
import { listCorpusFiles, MAX_ARTICLE_BYTES, parseRecord, parseSeedFile, streamCorpusFile } from "@/lib/corpus/load";
import type { RawArticle, Skipped } from "@/lib/corpus/types";

/** What the index remembers of a file it has read. */
export interface FileState {
  size: number;
  mtimeMs: number;
  /** Bytes read up to the end of the last complete record (a .jsonl may grow past it). */
  consumed: number;
  /** Lines read (the next record's line number is lines + 1). */
  lines: number;
  /** Hashes of the first and of the last 4 KiB read: an append leaves both unchanged. */
  head: string;
  tail: string;
  /**
   * SHA-1 of the whole file as it was read, when it did not change meanwhile: a file copied,
   * checked out or restored gets a new mtime with the same bytes, and is not read again.
   * Absent in indexes saved before it (those files are read again when their mtime changes).
   */
  digest?: string;
}

export interface ScannedFile {
  file: string;
  size: number;
  mtimeMs: number;
  /** A regular file (not a FIFO or a device, after following links). */
  regular: boolean;
}

export type CorpusRecord = { raw: RawArticle; line: number } | { skipped: Skipped };

/**
 * The reason reported for a plain .jsonl's unterminated last line that is not valid JSON: left
 * for the next read (a writer may be half way through it), listed meanwhile so that a file
 * truncated for good is not silent; the next read of the file replaces it.
 */
export const INCOMPLETE_LAST_LINE = "last line incomplete (no newline, not valid JSON): waiting for the rest";

/** The corpus files and their sizes; a file that vanishes meanwhile is left out. */
export async function scanCorpus(dir: string): Promise<ScannedFile[]> {
  const files = await listCorpusFiles(dir);
  const out: ScannedFile[] = [];
  for (const file of files) {
    try {
      const s = await stat(path.join(dir, file));
      out.push({ file, size: s.size, mtimeMs: s.mtimeMs, regular: s.isFile() });
    } catch {
      // A link loop, a dangling link, or a file that vanished since the listing: the loader's
      // reader says which, and the file is reported rather than silently left out.
      out.push({ file, size: -1, mtimeMs: -1, regular: false });
    }
  }
  return out;
}

const PROBE = 4096;

async function hashRange(full: string, from: number, to: number): Promise<string> {
  const len = Math.max(0, to - from);
  const buf = Buffer.alloc(len);
  const fh = await open(full, "r");
  try {
    await fh.read(buf, 0, len, from);
  } finally {
    await fh.close();
  }
  return createHash("sha1").update(buf).digest("hex");
}

/** Head and tail hashes of `file` up to `consumed` bytes. */
export async function probes(full: string, consumed: number): Promise<{ head: string; tail: string }> {
  return { head: await hashRange(full, 0, Math.min(PROBE, consumed)), tail: await hashRange(full, Math.max(0, consumed - PROBE), consumed) };
}

/** SHA-1 of a whole file, streamed. */
async function fileDigest(full: string): Promise<string> {
  const hash = createHash("sha1");
  for await (const chunk of createReadStream(full)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/**
 * The digest of a scanned regular file, or undefined when it changed while being hashed
 * (its size or mtime no longer those of the scan) or cannot be read: then no digest is
 * kept, and a later mtime change reads the file again, as without digests.
 */
export async function stableDigest(dir: string, scanned: ScannedFile): Promise<string | undefined> {
  if (!scanned.regular) return undefined;
  const full = path.join(dir, scanned.file);
  try {
    const digest = await fileDigest(full);
    const after = await stat(full);
    return after.size === scanned.size && after.mtimeMs === scanned.mtimeMs ? digest : undefined;
  } catch {
    return undefined;
  }
}

/** Whether `file` holds the same bytes as when `known` was read, under a new mtime. */
export async function sameContent(dir: string, scanned: ScannedFile, known: FileState): Promise<boolean> {
  if (!known.digest || !scanned.regular || scanned.size !== known.size) return false;
  return (await stableDigest(dir, scanned)) === known.digest;
}

/** Whether `file` only grew since `known` was read (a plain .jsonl appended to). */
export async function onlyAppended(dir: string, scanned: ScannedFile, known: FileState): Promise<boolean> {
  if (!scanned.regular || !/\.jsonl$/i.test(scanned.file) || scanned.size <= known.consumed || !known.head) return false;
  try {
    const p = await probes(path.join(dir, scanned.file), known.consumed);
    return p.head === known.head && p.tail === known.tail;
  } catch {
    return false;
  }
}

/** Lines in a file (decompressed for .gz): the progress total of a first build. */
export async function countLines(full: string): Promise<number> {
  if (/\.txt$/i.test(full)) return 1;
  // Never open what is not a regular file (a FIFO would block); a broken link counts 0.
  const isFile = await stat(full).then(
    (s) => s.isFile(),
    () => false,
  );
  if (!isFile) return 0;
  let input: NodeJS.ReadableStream = createReadStream(full);
  if (/\.gz$/i.test(full)) input = input.pipe(createGunzip());
  let lines = 0;
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) lines++;
    }
  } catch {
    // A broken file counts what could be read; reading it reports the error.
  }
  return lines;
}

/**
 * Where a plain .jsonl's complete lines end: its size, or, when its last line has no newline
 * yet and is not valid JSON (a writer has written part of it: its next write is an append),
 * the start of that line. Only for a regular file (not a link), and a last line within one
 * article's limit; anything else is read to its size, as before.
 */
export async function completeLinesEnd(full: string, size: number): Promise<number> {
  if (
    size === 0 ||
    !(await lstat(full).then(
      (s) => s.isFile(),
      () => false,
    ))
  )
    return size;
  const handle = await open(full, "r");
  try {
    // Back from the end, a chunk at a time, to the last newline.
    let tailStart = -1;
    for (let pos = size; tailStart < 0 && size - pos <= MAX_ARTICLE_BYTES;) {
      if (pos === 0) tailStart = 0;
      else {
        const from = Math.max(0, pos - TAIL_CHUNK);
        const buf = Buffer.alloc(pos - from);
        await handle.read(buf, 0, buf.length, from);
        const nl = buf.lastIndexOf(10);
        if (nl >= 0) tailStart = from + nl + 1;
        pos = from;
      }
    }
    if (tailStart < 0 || tailStart === size) return size;
    const tail = Buffer.alloc(size - tailStart);
    await handle.read(tail, 0, tail.length, tailStart);
    const text = tail.toString("utf8");
    if (!text.trim()) return size;
    try {
      JSON.parse(text);
      return size;
    } catch {
      return tailStart;
    }
  } finally {
    await handle.close();
  }
}

const TAIL_CHUNK = 64 * 1024;

/**
 * The records of one file from byte `from` (line `fromLine`); `state` ends with the
 * offset and line reached. An unterminated last line of a plain .jsonl that is not yet
 * valid JSON may be being written: it is left for the next read, and reported as
 * INCOMPLETE_LAST_LINE meanwhile.
 */
export async function* readRecords(
  dir: string,
  file: string,
  from: { byte: number; line: number },
  state: { consumed: number; lines: number },
): AsyncGenerator<CorpusRecord> {
  const full = path.join(dir, file);
  state.consumed = from.byte;
  state.lines = from.line;
  if (from.byte === 0) {
    // A whole file: the loader's reader, which never follows a link out of the corpus, never
    // opens a FIFO or a device, and reports broken bytes, sizes and gzip faults. A new plain
    // .jsonl may still be being written: its unterminated last line is left, as an appended part's.
    const size = await stat(full).then(
      (s) => s.size,
      () => 0,
    );
    const end = /\.jsonl$/i.test(file) ? await completeLinesEnd(full, size) : size;
    let line = 0;
    for await (const r of streamCorpusFile(dir, file, { endByte: end })) {
      if ("raw" in r) yield { raw: r.raw, line: ++line };
      else yield r;
    }
    if (end < size) yield { skipped: { source: file, reason: INCOMPLETE_LAST_LINE } };
    state.consumed = end;
    state.lines = line;
    return;
  }
  if (/\.txt$/i.test(file)) {
    const content = await readFile(full, "utf8");
    state.consumed = Buffer.byteLength(content);
    state.lines = 1;
    try {
      yield { raw: parseSeedFile(file, content), line: 0 };
    } catch (error) {
      yield { skipped: { source: file, reason: `unreadable file: ${message(error)}` } };
    }
    return;
  }
  const gz = /\.gz$/i.test(file);
  let input: NodeJS.ReadableStream = createReadStream(full, gz ? {} : { start: from.byte });
  if (gz) input = input.pipe(createGunzip());
  let rest: Buffer = Buffer.alloc(0);
  let offset = from.byte;
  let served = 0;
  const record = (line: string, lineNo: number): CorpusRecord | null => {
    if (!line.trim()) return null;
    const r = parseRecord(line, file, lineNo);
    if ("reason" in r) return { skipped: r };
    served++;
    return { raw: r, line: lineNo };
  };
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      const buf = rest.length ? Buffer.concat([rest, chunk]) : chunk;
      let start = 0;
      for (let nl = buf.indexOf(10); nl >= 0; nl = buf.indexOf(10, start)) {
        const line = buf.toString("utf8", start, nl);
        start = nl + 1;
        state.lines++;
        if (!gz) state.consumed = offset + start;
        const r = record(line, state.lines);
        if (r) yield r;
      }
      offset += start;
      rest = buf.subarray(start);
    }
  } catch (error) {
    const tail = served ? ` (the ${served} articles before the error are served)` : "";
    yield { skipped: { source: file, reason: `unreadable file: ${message(error)}${tail}` } };
  }
  if (rest.length) {
    const line = rest.toString("utf8");
    let complete = gz;
    if (!complete) {
      try {
        JSON.parse(line);
        complete = true;
      } catch {
        complete = false;
      }
    }
    if (complete) {
      state.lines++;
      if (!gz) state.consumed = offset + rest.length;
      const r = record(line, state.lines);
      if (r) yield r;
    } else if (line.trim()) yield { skipped: { source: file, reason: INCOMPLETE_LAST_LINE } };
  }
  if (gz) state.consumed = (await stat(full)).size;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
