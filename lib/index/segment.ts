// A segment: an immutable batch of articles with its rank index (lib/search/rank-index),
// its columns for filters, facets and sorting, and its document store. Built in memory
// (writer), saved to two files (serializer), loaded back as views over the file (reader).
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import type { Article, Entity } from "@/lib/corpus/types";
import { BLOCK_DOCS, encodeDocStoreOffThread, FileDocStore, MemoryDocStore, type DocStore } from "@/lib/index/docstore";
import { IndexFileError, readIndexFile, writeAtomic, writeIndexFile, type TypedArray } from "@/lib/index/format";
import { filesAreMapped } from "@/lib/index/mapped-file";
import { STRIDE, writeSignature, signatureText } from "@/lib/stories/signature";
import { fullerName } from "@/lib/search/facets";
import { compareVi } from "@/lib/text/vi-order";
import { adoptPairFilter, pairFilter } from "@/lib/search/pair-filter";
import { rankIndexFromParts, SAVED_ARRAYS, type RankIndex, type RankIndexParts, type TokenStream } from "@/lib/search/rank-index";

/** Per-document values for filters, facets, sorting and bookkeeping, as columns. */
export interface DocColumns {
  /** `YYYYMMDD` as a number, 0 when undated. */
  day: Int32Array;
  /** 1 when the date was estimated from the text. */
  estimated: Uint8Array;
  /** Index into `dicts.outlets`, or -1. */
  outlet: Int32Array;
  /** CSR lists into `dicts.persons` / `dicts.sources`: doc d owns [start[d], start[d+1]). */
  personStart: Int32Array;
  personVals: Int32Array;
  sourceStart: Int32Array;
  sourceVals: Int32Array;
  /** Index into `dicts.files`, and the line in that file (0 for a .txt page). */
  file: Int32Array;
  line: Int32Array;
  /** Story signatures (lib/stories/signature.ts): STRIDE values per document. */
  story: Uint16Array;
  dicts: { persons: Entity[]; sources: Entity[]; outlets: Entity[]; files: string[] };
}

export interface Segment {
  name: string;
  rank: RankIndex;
  cols: DocColumns;
  store: DocStore;
  /** 1 = the document's file changed or vanished: it never comes back. */
  gone: Uint8Array;
}

/** An article with where it was read from, for ordering copies of one id. */
export interface SourcedArticle {
  article: Article;
  line: number;
  /** Its story signature (STRIDE values), when known already (analysis, merge): else computed here. */
  signature?: Uint16Array;
}

const SEGMENT_KIND = "segment";

function columnsOf(items: readonly SourcedArticle[]): DocColumns {
  const n = items.length;
  // `prefer(v, old)`: whether a later value of the same key replaces the one kept.
  const dict = <T>(key: (v: T) => string, prefer?: (v: T, old: T) => boolean) => {
    const index = new Map<string, number>();
    const values: T[] = [];
    return {
      values,
      intern(v: T): number {
        const k = key(v);
        let i = index.get(k);
        if (i === undefined) {
          i = values.length;
          index.set(k, i);
          values.push(v);
        } else if (prefer?.(v, values[i])) values[i] = v;
        return i;
      },
    };
  };
  // A well-known person is written "Trump" in some articles, "Donald Trump" in others: one id, shown by the fullest.
  const persons = dict<Entity>(
    (e) => e.id,
    (e, old) => fullerName(e.name, old.name),
  );
  const sources = dict<Entity>((e) => e.id);
  const outlets = dict<Entity>((e) => e.id);
  const files = dict<string>((f) => f);
  const csr = (lists: number[][]) => {
    const start = new Int32Array(n + 1);
    lists.forEach((l, d) => (start[d + 1] = start[d] + l.length));
    return { start, vals: Int32Array.from(lists.flat()) };
  };
  const p = csr(items.map(({ article }) => article.persons.map((e) => persons.intern(e))));
  const s = csr(items.map(({ article }) => article.sources.map((e) => sources.intern(e))));
  const outlet = Int32Array.from(items, ({ article }) => (article.outlet ? outlets.intern(article.outlet) : -1));
  // Each facet's values in Vietnamese alphabetical order: the engine interns every segment's
  // values into one dictionary and sorts their names (FacetDictionary.seal); sorted runs make
  // that sort a merge (V8's sort is a TimSort), far fewer collator calls on a server's start.
  for (const [d, vals] of [
    [persons, p.vals],
    [sources, s.vals],
    [outlets, outlet],
  ] as const) {
    const rank = sortByName(d.values);
    for (let i = 0; i < vals.length; i++) if (vals[i] >= 0) vals[i] = rank[vals[i]];
  }
  const story = new Uint16Array(n * STRIDE);
  items.forEach(({ article, signature }, d) => {
    if (signature) story.set(signature.subarray(0, STRIDE), d * STRIDE);
    else writeSignature(signatureText(article), story, d * STRIDE);
  });
  return {
    day: Int32Array.from(items, ({ article }) => (article.date ? Number(article.date.replaceAll("-", "")) : 0)),
    estimated: Uint8Array.from(items, ({ article }) => (article.dateEstimated ? 1 : 0)),
    outlet,
    personStart: p.start,
    personVals: p.vals,
    sourceStart: s.start,
    sourceVals: s.vals,
    file: Int32Array.from(items, ({ article }) => files.intern(article.file)),
    line: Int32Array.from(items, ({ line }) => line),
    story,
    dicts: { persons: persons.values, sources: sources.values, outlets: outlets.values, files: files.values },
  };
}

/** Sort `values` in place by name (Vietnamese order, then first seen); returns each old place's new one. */
function sortByName(values: Entity[]): Int32Array {
  const order = values.map((_, i) => i).sort((a, b) => compareVi(values[a].name, values[b].name) || a - b);
  const sorted = order.map((i) => values[i]);
  const rank = new Int32Array(values.length);
  order.forEach((old, i) => (rank[old] = i));
  sorted.forEach((v, i) => (values[i] = v));
  return rank;
}

/** A segment held in memory, from its articles and their finished rank index. */
export function memorySegment(name: string, items: readonly SourcedArticle[], rank: RankIndex): Segment {
  return { name, rank, cols: columnsOf(items), store: new MemoryDocStore(items.map((i) => i.article)), gone: new Uint8Array(items.length) };
}

const STREAM_ARRAYS = ["low", "excPos", "excId"] as const;
/** The document store's block index in a `.seg` file, by the layout of its per-article blocks. */
const STORE_ARRAYS = {
  text: { offsets: "store.textOffsets", crcs: "store.textCrcs", dictionary: "store.textDictionary" },
  json: { offsets: "store.articleOffsets", crcs: "store.articleCrcs", dictionary: "store.dictionary" },
} as const;
const COLUMN_ARRAYS = ["day", "estimated", "outlet", "personStart", "personVals", "sourceStart", "sourceVals", "file", "line", "story"] as const;

/**
 * Save a segment as `<name>.docs` (the document store) and `<name>.seg` (everything
 * else), then return it reading from disk: its text always; its arrays too where files are
 * mapped, so that a finished segment's arrays leave the heap (a build or a long-running
 * server holds one segment in memory, not the archive). The text is compressed on libuv's
 * thread pool (`encodeDocStoreOffThread`): the caller's thread may go on while it is.
 */
export async function saveSegment(dir: string, items: readonly SourcedArticle[], segment: Segment): Promise<Segment> {
  const docsFile = path.join(dir, `${segment.name}.docs`);
  const { chunks, index: storeIndex } = await encodeDocStoreOffThread(items.map((i) => i.article));
  writeAtomic(docsFile, chunks);
  const arrays: Record<string, TypedArray> = {};
  for (const k of SAVED_ARRAYS) arrays[`rank.${k}`] = segment.rank[k];
  for (const k of STREAM_ARRAYS) arrays[`rank.stream.${k}`] = segment.rank.stream[k];
  for (const k of COLUMN_ARRAYS) arrays[`cols.${k}`] = segment.cols[k];
  // Each layout's block index under names of its own: code that knows only older layouts
  // finds none of its names and refuses the file (and rebuilds), rather than misreading it.
  const names = STORE_ARRAYS[storeIndex.layout];
  arrays[names.offsets] = storeIndex.offsets;
  arrays[names.crcs] = storeIndex.crcs;
  if (storeIndex.dictionary) arrays[names.dictionary] = storeIndex.dictionary;
  // Derived from the token stream, but a pass over all of it: saved so that a restart maps it
  // rather than every server process building it again (readers of older files build it).
  const filter = pairFilter(segment.rank);
  arrays["pairFilter.start"] = filter.start;
  arrays["pairFilter.bits"] = filter.bits;
  const { rank, cols } = segment;
  writeIndexFile(
    path.join(dir, `${segment.name}.seg`),
    SEGMENT_KIND,
    { ids: rank.ids, exactTerm: rank.exactTerm, foldedTerm: rank.foldedTerm, dicts: cols.dicts },
    arrays,
  );
  segment.store.close();
  if (filesAreMapped()) return loadSegment(dir, segment.name);
  return { ...segment, store: new FileDocStore(docsFile, storeIndex) };
}

/** Load a saved segment; throws IndexFileError when either file is not whole. */
export function loadSegment(dir: string, name: string): Segment {
  const segFile = path.join(dir, `${name}.seg`);
  const docsFile = path.join(dir, `${name}.docs`);
  const { json, arrays } = readIndexFile(segFile, SEGMENT_KIND);
  const meta = json as { ids: string[]; exactTerm: string[]; foldedTerm: string[]; dicts: DocColumns["dicts"] };
  // Per-article blocks (metadata as JSON and text as UTF-16, or older files' whole JSON; with
  // their dictionary), or the 8-article blocks of older files still.
  const layout = arrays[STORE_ARRAYS.text.offsets] !== undefined ? "text" : arrays[STORE_ARRAYS.json.offsets] !== undefined ? "json" : null;
  const names = layout ? STORE_ARRAYS[layout] : { offsets: "store.offsets", crcs: "store.crcs", dictionary: "" };
  const offsets = arrays[names.offsets] as Float64Array;
  const crcs = arrays[names.crcs] as Uint32Array;
  const dictionary = layout ? ((arrays[names.dictionary] as Uint8Array | undefined) ?? null) : null;
  if (!offsets || !crcs || !Array.isArray(meta?.ids)) throw new IndexFileError(segFile, "incomplete segment");
  if (!existsSync(docsFile) || statSync(docsFile).size !== offsets[offsets.length - 1]) {
    throw new IndexFileError(docsFile, "document store missing or of the wrong size");
  }
  const parts = { ids: meta.ids, exactTerm: meta.exactTerm, foldedTerm: meta.foldedTerm } as RankIndexParts;
  for (const k of SAVED_ARRAYS) {
    const a = arrays[`rank.${k}`];
    if (!a) throw new IndexFileError(segFile, `missing ${k}`);
    (parts as unknown as Record<string, TypedArray>)[k] = a;
  }
  const stream = {} as TokenStream;
  for (const k of STREAM_ARRAYS) {
    const a = arrays[`rank.stream.${k}`];
    if (!a) throw new IndexFileError(segFile, `missing stream.${k}`);
    (stream as unknown as Record<string, TypedArray>)[k] = a;
  }
  parts.stream = stream;
  const cols = { dicts: meta.dicts } as DocColumns;
  for (const k of COLUMN_ARRAYS) {
    const a = arrays[`cols.${k}`];
    if (!a) throw new IndexFileError(segFile, `missing ${k}`);
    (cols as unknown as Record<string, TypedArray>)[k] = a;
  }
  const rank = rankIndexFromParts(parts);
  const filterStart = arrays["pairFilter.start"];
  const filterBits = arrays["pairFilter.bits"];
  if (filterStart instanceof Int32Array && filterBits instanceof Uint32Array) adoptPairFilter(rank, { start: filterStart, bits: filterBits });
  return {
    name,
    rank,
    cols,
    store: new FileDocStore(docsFile, { offsets, crcs, blockDocs: layout ? 1 : BLOCK_DOCS, dictionary, layout: layout ?? "json" }),
    gone: new Uint8Array(rank.n),
  };
}
