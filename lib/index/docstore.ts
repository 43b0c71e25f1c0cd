// The document store: every article's full text and metadata, on disk, compressed in
// small blocks and read only for what a page shows (hits, snippets, the article page).
// The typed arrays that ranking and facets need stay in memory; the text does not.
import { closeSync, openSync, readSync } from "node:fs";
import { crc32, deflateRawSync, inflateRawSync } from "node:zlib";
import type { Article } from "@/lib/corpus/types";

/** Articles per compressed block: small enough that showing one decompresses little. */
export const BLOCK_DOCS = 8;
const CACHE_BLOCKS = 256;

export interface DocStore {
  get(d: number): Article;
  close(): void;
}

/** The block index a segment file keeps for its document store. */
export interface DocStoreIndex {
  /** Byte offset of each block, plus the file's total length at the end. */
  offsets: Float64Array;
  crcs: Uint32Array;
}

/** Compress articles into blocks; returns the bytes to write and their block index. */
export function encodeDocStore(articles: readonly Article[]): { chunks: Buffer[]; index: DocStoreIndex } {
  const blocks = Math.ceil(articles.length / BLOCK_DOCS);
  const offsets = new Float64Array(blocks + 1);
  const crcs = new Uint32Array(blocks);
  const chunks: Buffer[] = [];
  let at = 0;
  for (let b = 0; b < blocks; b++) {
    const chunk = deflateRawSync(Buffer.from(JSON.stringify(articles.slice(b * BLOCK_DOCS, (b + 1) * BLOCK_DOCS))));
    chunks.push(chunk);
    offsets[b] = at;
    crcs[b] = crc32(chunk);
    at += chunk.length;
  }
  offsets[blocks] = at;
  return { chunks, index: { offsets, crcs } };
}

/** Articles held in memory (tests, and an index built without a directory). */
export class MemoryDocStore implements DocStore {
  constructor(private readonly articles: readonly Article[]) {}
  get(d: number): Article {
    return this.articles[d];
  }
  close() {}
}

/**
 * A block as read: its inflated JSON bytes, where each article's JSON starts and ends, and
 * the articles decoded so far. Decoding UTF-8 and parsing JSON cost more than inflating
 * (Vietnamese text is mostly multi-byte), so only the articles asked for are decoded.
 */
interface Block {
  raw: Buffer;
  /** Article i's JSON is raw[bounds[2i] .. bounds[2i + 1]); null when the block could not be split. */
  bounds: Int32Array | null;
  docs: (Article | undefined)[];
}

/** Articles read from a segment's `.docs` file, a block at a time, recent blocks cached. */
export class FileDocStore implements DocStore {
  private fd: number | null = null;
  private readonly cache = new Map<number, Block>();

  constructor(
    private readonly file: string,
    private readonly index: DocStoreIndex,
  ) {}

  get(d: number): Article {
    const b = Math.floor(d / BLOCK_DOCS);
    let block = this.cache.get(b);
    if (block) {
      this.cache.delete(b);
    } else {
      block = this.readBlock(b);
      if (this.cache.size >= CACHE_BLOCKS) this.cache.delete(this.cache.keys().next().value as number);
    }
    this.cache.set(b, block);
    const i = d % BLOCK_DOCS;
    let article = block.docs[i];
    if (!article) {
      if (block.bounds && 2 * i + 1 < block.bounds.length) {
        article = JSON.parse(block.raw.toString("utf8", block.bounds[2 * i], block.bounds[2 * i + 1])) as Article;
      } else {
        block.docs = JSON.parse(block.raw.toString("utf8"));
        article = block.docs[i];
      }
      block.docs[i] = article;
    }
    return article!;
  }

  private readBlock(b: number): Block {
    this.fd ??= openSync(this.file, "r");
    const start = this.index.offsets[b];
    const bytes = Buffer.alloc(this.index.offsets[b + 1] - start);
    readSync(this.fd, bytes, 0, bytes.length, start);
    if (crc32(bytes) !== this.index.crcs[b]) throw new Error(`${this.file}: block ${b} is corrupt`);
    const raw = inflateRawSync(bytes);
    return { raw, bounds: arrayElements(raw), docs: [] };
  }

  close() {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    this.cache.clear();
  }
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Where each element of a JSON array of objects starts and ends in its UTF-8 bytes (start,
 * end pairs), found without decoding: bytes of multi-byte characters never equal an ASCII
 * delimiter, and strings are skipped quote to quote. Null when `raw` is not such an array.
 */
export function arrayElements(raw: Buffer): Int32Array | null {
  const out: number[] = [];
  let depth = 0;
  const n = raw.length;
  let i = 0;
  while (i < n) {
    const c = raw[i];
    // Between elements only `,`, `{` and the closing `]` may stand (no string, number or null).
    if (depth === 1 && c !== 0x2c && c !== 0x7b && c !== 0x5d) return null;
    if (c === QUOTE) {
      // Jump to the closing quote: one not preceded by an odd number of backslashes.
      let j = i + 1;
      for (;;) {
        j = raw.indexOf(QUOTE, j);
        if (j < 0) return null;
        let k = j - 1;
        while (raw[k] === BACKSLASH) k--;
        if ((j - 1 - k) % 2 === 0) break;
        j++;
      }
      i = j + 1;
      continue;
    }
    if (c === 0x7b || c === 0x5b) {
      // An element starts at depth 1 (inside the outer array).
      if (depth === 1) out.push(i);
      depth++;
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
      if (depth === 1) out.push(i + 1);
      if (depth < 0) return null;
    }
    i++;
  }
  return depth === 0 && out.length % 2 === 0 ? Int32Array.from(out) : null;
}
