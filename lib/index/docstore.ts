// The document store: every article's full text and metadata, on disk, compressed one
// article at a time against a preset dictionary (text sampled from the segment) and read
// only for what a page shows (hits, snippets, the article page). The typed arrays that
// ranking and facets need stay in memory; the text does not.
import { closeSync, openSync, readSync } from "node:fs";
import { promisify } from "node:util";
import { crc32, deflateRaw, deflateRawSync } from "node:zlib";
import type { Article } from "@/lib/corpus/types";
import { RawInflater } from "@/lib/index/raw-inflater";

/**
 * Articles per block in stores written before per-article blocks (still read). Showing one
 * article inflated its whole block, 8 articles of JSON: 5x the work of one article with a
 * dictionary, for a larger file (docs/history/performance-log.md, scripts/scale/docstore-codec.ts).
 */
export const BLOCK_DOCS = 8;
/** Deflate's window: a longer preset dictionary is never looked back into. */
export const DICTIONARY_BYTES = 32768;
/** Articles whose JSON makes the dictionary, spread over the segment. */
const DICTIONARY_SAMPLE = 16;
/** Recently read articles kept parsed (per-article layout). */
const CACHE_ARTICLES = 256;
/** Recently read blocks kept inflated (8-article layout). */
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
  /** Articles per block: 1 (each block one article's JSON object) or BLOCK_DOCS (a JSON array, older stores). */
  blockDocs: number;
  /** Preset deflate dictionary of every block (per-article layout); null: none. */
  dictionary: Uint8Array | null;
  /**
   * How a per-article block is laid out: "text" (`articleBytes`: the metadata as JSON, the text
   * as UTF-16), or "json" (the whole article as JSON, stores written before 2026-11-27 13:00).
   */
  layout: "text" | "json";
}

/**
 * One article's block before compression (the "text" layout): a 4-byte length, the article's
 * metadata as UTF-8 JSON (its paragraphs and captions replaced by their lengths, so its keys keep
 * their order), then the paragraphs and captions one after the other as UTF-16 (little-endian),
 * 2-byte aligned. Decoding UTF-16 is a copy: the text, most of an article, is neither
 * UTF-8-decoded nor parsed as JSON, which cost a read more than inflating it
 * (docs/performance.md, http18: `scripts/scale/docstore-read.ts`).
 */
export function articleBytes(article: Article): Buffer {
  const lengths = (texts: readonly string[]) => texts.map((t) => t.length);
  const meta = Buffer.from(JSON.stringify({ ...article, paragraphs: lengths(article.paragraphs), captions: lengths(article.captions) }));
  const textAt = align2(4 + meta.length);
  const text = article.paragraphs.join("") + article.captions.join("");
  const out = Buffer.alloc(textAt + 2 * text.length);
  out.writeUInt32LE(meta.length, 0);
  meta.copy(out, 4);
  out.write(text, textAt, "utf16le");
  return out;
}

/** The article of an `articleBytes` block. */
export function articleFromBytes(raw: Buffer): Article {
  const metaEnd = 4 + raw.readUInt32LE(0);
  const article = JSON.parse(raw.toString("utf8", 4, metaEnd)) as Article & { paragraphs: unknown[]; captions: unknown[] };
  const text = raw.toString("utf16le", align2(metaEnd));
  let at = 0;
  const cut = (length: unknown) => text.slice(at, (at += length as number));
  article.paragraphs = article.paragraphs.map(cut);
  article.captions = article.captions.map(cut);
  if (at !== text.length) throw new Error("document store: an article's text and lengths disagree");
  return article;
}

function align2(n: number): number {
  return n + (n & 1);
}

/**
 * The preset dictionary of a segment's blocks: a few articles' blocks spread over it (keys,
 * outlets, common words and phrases), at most deflate's window, the last bytes kept.
 */
export function docStoreDictionary(n: number, article: (d: number) => Article, encode: (a: Article) => Buffer = articleBytes): Uint8Array {
  const step = Math.max(1, Math.floor(n / DICTIONARY_SAMPLE));
  const parts: Buffer[] = [];
  for (let d = 0; d < n && parts.length < DICTIONARY_SAMPLE; d += step) parts.push(encode(article(d)));
  const all = Buffer.concat(parts);
  // A plain Uint8Array (a copy): index files record an array's constructor, which a Buffer is not.
  return Uint8Array.from(all.subarray(Math.max(0, all.length - DICTIONARY_BYTES)));
}

/** An article's block in the "json" layout (stores written before the "text" one): its JSON. */
export function articleJson(article: Article): Buffer {
  return Buffer.from(JSON.stringify(article));
}

/** Compress articles one per block against a dictionary; returns the bytes to write and their block index. */
export function encodeDocStore(articles: readonly Article[], layout: DocStoreIndex["layout"] = "text"): { chunks: Buffer[]; index: DocStoreIndex } {
  const encode = layout === "text" ? articleBytes : articleJson;
  const dictionary = docStoreDictionary(articles.length, (d) => articles[d], encode);
  const options = dictionary.length ? { dictionary } : {};
  // A copy: deflateRawSync returns a view into its 16 KiB output buffer, and a segment's
  // articles (about 1 KiB each compressed) kept as views held 16x their size until written.
  const chunks = articles.map((article) => Buffer.from(deflateRawSync(encode(article), options)));
  return { chunks, index: perArticleIndex(chunks, dictionary, layout) };
}

const deflateRawAsync = promisify(deflateRaw);
/** Deflates in flight at once: libuv's pool (4 threads by default) stays busy between the calling thread's turns of the event loop. */
const DEFLATES_IN_FLIGHT = 64;

/**
 * The same bytes as `encodeDocStore`, deflated on libuv's thread pool: the calling thread only
 * serialises each article, so a build's own thread (or a server's, during a merge) is free for
 * other work while the segment's text is compressed (docs/history/performance-log.md, `scale13`).
 */
export async function encodeDocStoreOffThread(articles: readonly Article[]): Promise<{ chunks: Buffer[]; index: DocStoreIndex }> {
  const dictionary = docStoreDictionary(articles.length, (d) => articles[d]);
  const options = dictionary.length ? { dictionary } : {};
  const chunks: Buffer[] = new Array(articles.length);
  let next = 0;
  const lane = async () => {
    while (next < articles.length) {
      const d = next++;
      // A copy, as above: the async deflate's result is also a view into a larger buffer.
      chunks[d] = Buffer.from(await deflateRawAsync(articleBytes(articles[d]), options));
    }
  };
  await Promise.all(Array.from({ length: DEFLATES_IN_FLIGHT }, lane));
  return { chunks, index: perArticleIndex(chunks, dictionary, "text") };
}

/** The block index of one article per block: each chunk's offset and CRC. */
function perArticleIndex(chunks: readonly Buffer[], dictionary: Uint8Array, layout: DocStoreIndex["layout"]): DocStoreIndex {
  const offsets = new Float64Array(chunks.length + 1);
  const crcs = new Uint32Array(chunks.length);
  let at = 0;
  chunks.forEach((chunk, d) => {
    offsets[d] = at;
    crcs[d] = crc32(chunk);
    at += chunk.length;
  });
  offsets[chunks.length] = at;
  return { offsets, crcs, blockDocs: 1, dictionary: dictionary.length ? dictionary : null, layout };
}

/** The older layout (JSON arrays of BLOCK_DOCS articles, no dictionary): for tests of stores saved before per-article blocks. */
export function encodeBlockDocStore(articles: readonly Article[]): { chunks: Buffer[]; index: DocStoreIndex } {
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
  return { chunks, index: { offsets, crcs, blockDocs: BLOCK_DOCS, dictionary: null, layout: "json" } };
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

/** Articles read from a segment's `.docs` file, a block at a time, recent ones cached. */
export class FileDocStore implements DocStore {
  private fd: number | null = null;
  private readonly cache = new Map<number, Block>();
  private readonly articles = new Map<number, Article>();
  /** One zlib handle for every block of this store (lib/index/raw-inflater.ts). */
  private readonly inflater: RawInflater;
  private input = Buffer.allocUnsafe(4096);

  constructor(
    private readonly file: string,
    private readonly index: DocStoreIndex,
  ) {
    this.inflater = new RawInflater(index.dictionary);
  }

  get(d: number): Article {
    if (this.index.blockDocs === 1) return this.single(d);
    const b = Math.floor(d / this.index.blockDocs);
    let block = this.cache.get(b);
    if (block) {
      this.cache.delete(b);
    } else {
      // A copy: the inflater's bytes are a view of its buffer until its next block.
      const raw = Buffer.from(this.inflate(b));
      block = { raw, bounds: arrayElements(raw), docs: [] };
      if (this.cache.size >= CACHE_BLOCKS) this.cache.delete(this.cache.keys().next().value as number);
    }
    this.cache.set(b, block);
    const i = d % this.index.blockDocs;
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

  /** One article per block: inflate and parse only it. */
  private single(d: number): Article {
    let article = this.articles.get(d);
    if (article) this.articles.delete(d);
    else {
      const raw = this.inflate(d);
      article = this.index.layout === "text" ? articleFromBytes(raw) : (JSON.parse(raw.toString("utf8")) as Article);
      if (this.articles.size >= CACHE_ARTICLES) this.articles.delete(this.articles.keys().next().value as number);
    }
    this.articles.set(d, article);
    return article;
  }

  /** Block b inflated: a view of the inflater's buffer, valid until the next block is read. */
  private inflate(b: number): Buffer {
    this.fd ??= openSync(this.file, "r");
    const start = this.index.offsets[b];
    const length = this.index.offsets[b + 1] - start;
    // The deflated bytes are read into one buffer, reused: they are inflated at once, not kept.
    if (this.input.length < length) this.input = Buffer.allocUnsafe(Math.max(length, 2 * this.input.length));
    const bytes = this.input.subarray(0, length);
    readSync(this.fd, bytes, 0, length, start);
    if (crc32(bytes) !== this.index.crcs[b]) throw new Error(`${this.file}: block ${b} is corrupt`);
    return this.inflater.inflate(bytes);
  }

  close() {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    this.inflater.close();
    this.cache.clear();
    this.articles.clear();
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
