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

/** Articles read from a segment's `.docs` file, a block at a time, recent blocks cached. */
export class FileDocStore implements DocStore {
  private fd: number | null = null;
  private readonly cache = new Map<number, Article[]>();

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
    return block[d % BLOCK_DOCS];
  }

  private readBlock(b: number): Article[] {
    this.fd ??= openSync(this.file, "r");
    const start = this.index.offsets[b];
    const bytes = Buffer.alloc(this.index.offsets[b + 1] - start);
    readSync(this.fd, bytes, 0, bytes.length, start);
    if (crc32(bytes) !== this.index.crcs[b]) throw new Error(`${this.file}: block ${b} is corrupt`);
    return JSON.parse(inflateRawSync(bytes).toString("utf8"));
  }

  close() {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    this.cache.clear();
  }
}
