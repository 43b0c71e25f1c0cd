// What reading a request's shown articles from the document store costs, by stage and by way
// of reading them, on a saved index (lib/index/docstore.ts; issue #10, http18):
//   npx tsx scripts/scale/docstore-read.ts --index DIR [--archive DIR] [--every 8] [--runs 5]
// The articles are those each of `npm run eval`'s latency queries (every `--every`-th: the load
// test's queries) reads through the store when searched (its shown hits), in that order. Each way
// reads all of them, CPU time per article, the ways in turn within a run (order reversed every
// other run), median of the runs:
//   store.get     the index's own store (whatever its layout) with its cache of parsed articles
//                 emptied: read, CRC, inflate with the preset dictionary, decode
//   read + CRC    the index's bytes of each article, read and checked
//   json layout   the articles as whole JSON (stores written before 2026-11-27), deflated in
//                 memory against a dictionary made as a build makes it; stage by stage: inflate;
//                 + UTF-8 decode; + JSON.parse
//   text layout   the same in the "text" layout (metadata as JSON, text as UTF-16: articleBytes):
//                 inflate; + decode the text; + articleFromBytes (the whole article); and inflated
//                 through one reused zlib handle (lib/index/raw-inflater.ts, what the store does
//                 since http19) instead of inflateRawSync's handle per call, alone and + articleFromBytes
// Each layout's compressed size over the articles read is printed too (and without a dictionary).
// Last, the hit rate an LRU cache of parsed articles (per process) would have over the load test's
// query sequence, queries asked in turn and cycled, at a few sizes (one process sees them all).
// Nothing is written: the index is opened as a reader.
import path from "node:path";
import { readSync, openSync, closeSync } from "node:fs";
import { crc32, deflateRawSync, inflateRawSync } from "node:zlib";
import { isDeepStrictEqual } from "node:util";
import { cliArgs } from "../cli";
import { articleBytes, articleFromBytes, articleJson, docStoreDictionary, type DocStoreIndex } from "@/lib/index/docstore";
import { RawInflater } from "@/lib/index/raw-inflater";
import type { Article } from "@/lib/corpus/types";
import type { Segment as IndexSegment } from "@/lib/index/segment";
import { wordsQuery } from "@/lib/url/search-params";
import { loadAverage, median } from "../eval/metrics";
import { EVAL_OPTIONS, evalEngine, processCpuNow } from "./request-queries";

const { values } = cliArgs(__filename, {
  options: {
    ...EVAL_OPTIONS,
  },
});

interface Shown {
  seg: IndexSegment;
  d: number;
}

/** The store's private parts this measuring device reads (lib/index/docstore.ts FileDocStore). */
interface StoreParts {
  file: string;
  index: DocStoreIndex;
  articles?: Map<number, unknown>;
}

async function main() {
  if (!values.index) throw new Error("--index DIR: a saved index of the corpus");
  const { live, queries, engine } = await evalEngine(path.resolve(values.archive!), path.resolve(values.index), Number(values.every));
  // Which articles each query reads: the stores' get, recorded while each query is searched.
  const perQuery: Shown[][] = [];
  let current: Shown[] = [];
  for (const seg of live.archive.segments) {
    const get = seg.store.get.bind(seg.store);
    seg.store.get = (d: number) => (current.push({ seg, d }), get(d));
  }
  for (const q of queries) {
    current = [];
    engine.search({ ...wordsQuery(q), group: true });
    perQuery.push(current);
  }
  const reads = perQuery.flat();
  const parts = (seg: IndexSegment) => seg.store as unknown as StoreParts;
  if (!reads.every((r) => parts(r.seg).index?.blockDocs === 1)) throw new Error("this index's store is not one article per block");
  const fds = new Map<IndexSegment, number>();
  const fd = (seg: IndexSegment) => fds.get(seg) ?? (fds.set(seg, openSync(parts(seg).file, "r")), fds.get(seg)!);
  const bytesOf = ({ seg, d }: Shown) => {
    const { offsets, crcs } = parts(seg).index;
    const bytes = Buffer.alloc(offsets[d + 1] - offsets[d]);
    readSync(fd(seg), bytes, 0, bytes.length, offsets[d]);
    if (crc32(bytes) !== crcs[d]) throw new Error("corrupt");
    return bytes;
  };
  // Both layouts' blocks of the articles read, in memory, each with a dictionary made as a build
  // makes it for that layout (docStoreDictionary over the segment).
  const packedAs = (encode: (a: Article) => Buffer) => {
    const dictionaries = new Map(live.archive.segments.map((seg) => [seg, docStoreDictionary(seg.rank.n, (d) => seg.store.get(d), encode)]));
    return reads.map((r) => {
      const dictionary = dictionaries.get(r.seg)!;
      const raw = encode(r.seg.store.get(r.d));
      return { packed: deflateRawSync(raw, { dictionary }), plain: deflateRawSync(raw), dictionary };
    });
  };
  const jsons = packedAs(articleJson);
  const texts = packedAs(articleBytes);
  const inflate = (b: { packed: Buffer; dictionary: Uint8Array }) => inflateRawSync(b.packed, { dictionary: b.dictionary });
  // One reused handle per dictionary (lib/index/raw-inflater.ts), as each segment's store keeps one.
  const inflaters = new Map<Uint8Array, RawInflater>();
  const reused = (b: { packed: Buffer; dictionary: Uint8Array }) => {
    let inflater = inflaters.get(b.dictionary);
    if (!inflater) inflaters.set(b.dictionary, (inflater = new RawInflater(b.dictionary)));
    return inflater.inflate(b.packed);
  };
  // Both layouts give the articles the index gives.
  reads.forEach((r, i) => {
    const article = r.seg.store.get(r.d);
    if (!isDeepStrictEqual(articleFromBytes(inflate(texts[i])), article) || !isDeepStrictEqual(JSON.parse(inflate(jsons[i]).toString("utf8")), article))
      throw new Error("layouts differ");
    if (!reused(texts[i]).equals(inflate(texts[i]))) throw new Error("the reused handle inflates otherwise");
  });
  const size = (xs: Buffer[]) => xs.reduce((s, b) => s + b.length, 0) / xs.length;
  console.log(
    `compressed bytes per article read: this index's (${parts(reads[0].seg).index.layout} layout) ${size(reads.map(bytesOf)).toFixed(0)}; json layout ${size(jsons.map((t) => t.packed)).toFixed(0)}, text layout ${size(texts.map((t) => t.packed)).toFixed(0)} (without a dictionary: ${size(jsons.map((t) => t.plain)).toFixed(0)}, ${size(texts.map((t) => t.plain)).toFixed(0)})`,
  );
  let sink = 0;
  const ways: Record<string, () => void> = {
    "store.get (this index)": () => {
      for (const r of reads) {
        parts(r.seg).articles?.clear();
        sink += r.seg.store.get(r.d).title.length;
      }
    },
    "read + CRC (this index)": () => {
      for (const r of reads) sink += bytesOf(r).length;
    },
    "json layout: inflate": () => {
      for (const b of jsons) sink += inflate(b).length;
    },
    "json layout: + decode": () => {
      for (const b of jsons) sink += inflate(b).toString("utf8").length;
    },
    "json layout: + parse": () => {
      for (const b of jsons) sink += JSON.parse(inflate(b).toString("utf8")).title.length;
    },
    "text layout: inflate": () => {
      for (const b of texts) sink += inflate(b).length;
    },
    "text layout: + decode text": () => {
      for (const b of texts) {
        const raw = inflate(b);
        const metaEnd = 4 + raw.readUInt32LE(0);
        sink += raw.toString("utf16le", metaEnd + (metaEnd & 1)).length;
      }
    },
    "text layout: + articleFromBytes": () => {
      for (const b of texts) sink += articleFromBytes(inflate(b)).title.length;
    },
    "text layout: inflate, one reused handle": () => {
      for (const b of texts) sink += reused(b).length;
    },
    "text layout: reused handle + articleFromBytes": () => {
      for (const b of texts) sink += articleFromBytes(reused(b)).title.length;
    },
  };
  const names = Object.keys(ways);
  console.log(
    `${live.archive.live} articles, ${queries.length} queries, ${reads.length} articles read (${(reads.length / queries.length).toFixed(1)} per query); CPU µs per article read; load ${loadAverage()}`,
  );
  const times: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let run = 0; run < Number(values.runs); run++) {
    const order = run % 2 ? [...names].reverse() : names;
    for (const name of order) {
      const t = processCpuNow();
      ways[name]();
      times[name].push(((processCpuNow() - t) * 1000) / reads.length);
    }
    console.log(`run ${run + 1}: ${names.map((n) => `${n} ${times[n][run].toFixed(1)}`).join(", ")}; load ${loadAverage()}`);
  }
  console.log("\n| way | µs per article (median) | runs |\n|---|---|---|");
  for (const n of names) console.log(`| ${n} | ${median(times[n]).toFixed(1)} | ${times[n].map((t) => t.toFixed(1)).join(", ")} |`);

  // An LRU of parsed articles over the load's sequence: the queries in turn, three rounds. The
  // first round is each query asked once (an article hits when an earlier query showed it); the
  // later ones are the load test's repeats of the same queries.
  console.log("\n| LRU of parsed articles | hit rate, first round | hit rate, rounds 2–3 |\n|---|---|---|");
  for (const size of [256, 1024, 2048, 4096]) {
    const lru = new Map<string, true>();
    const hits = [0, 0];
    const asks = [0, 0];
    for (let round = 0; round < 3; round++) {
      for (const r of reads) {
        const key = `${r.seg.name}:${r.d}`;
        const hit = lru.delete(key);
        asks[round ? 1 : 0]++;
        if (hit) hits[round ? 1 : 0]++;
        lru.set(key, true);
        if (lru.size > size) lru.delete(lru.keys().next().value!);
      }
    }
    console.log(`| ${size} | ${((100 * hits[0]) / asks[0]).toFixed(1)}% | ${((100 * hits[1]) / asks[1]).toFixed(1)}% |`);
  }
  const distinct = new Set(reads.map((r) => `${r.seg.name}:${r.d}`)).size;
  console.log(`distinct articles read by the ${queries.length} queries: ${distinct} (sink ${sink > 0})`);
  for (const f of fds.values()) closeSync(f);
  await live.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
