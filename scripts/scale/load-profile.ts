// Where the time and memory of loading a saved index go, in process:
//   node --expose-gc --import tsx scripts/scale/load-profile.ts --index DIR --corpus DIR [--runs 3] [--rebuild]
// Prints, per run (a fresh LiveIndex each time, in one process), the time of LiveIndex.open
// (reading the files, adding segments to the archive, the first refresh, the corpus scan) and
// of engine.prepare() as the server runs it before it says it is ready, split into its steps:
// the stories (adopted from stories.bin, or grouped), the pair filters (mapped from the
// segment files, or built from the stream) and the rest (facet numbering); then
// process.memoryUsage() after a full GC: RSS, the JS heap, and ArrayBuffers (the typed
// arrays), with the biggest arrays by name. --rebuild also times what prepare saves: grouping
// the stories and building every segment's pair filters from the stream, as for an index
// saved without them. The index is opened as the server's writer opens it (an index saved
// before stories.bin existed gets one on the first run).
import path from "node:path";
import { cliArgs } from "../cli";
import os from "node:os";
import { LiveIndex } from "@/lib/index/live-index";
import { SearchEngine } from "@/lib/search/engine";
import { buildPairFilter } from "@/lib/search/pair-filter";
import { groupArchive } from "@/lib/stories/archive-stories";
import { EMPTY_QUERY } from "@/lib/url/search-params";

const { values } = cliArgs(__filename, {
  options: {
    index: { type: "string" },
    corpus: { type: "string", default: "../shared/corpus" },
    runs: { type: "string", default: "1" },
    rebuild: { type: "boolean", default: false },
  },
});
const mib = (b: number) => `${(b / 2 ** 20).toFixed(0)} MiB`;

function memory(label: string) {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  console.log(`${label}: rss ${mib(m.rss)}, heap used ${mib(m.heapUsed)}, array buffers ${mib(m.arrayBuffers)}, external ${mib(m.external)}`);
}

const load = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(", ");

/** Open the saved index and prepare an engine over it, as the server does before it is ready. */
async function openAndPrepare(run: number) {
  const t = performance.now();
  const index = new LiveIndex({ corpusDir: path.resolve(values.corpus!), indexDir: path.resolve(values.index!), onEvent: (e, f) => console.log(e, f) });
  await index.open();
  const openMs = performance.now() - t;
  const engine = new SearchEngine(index.archive);
  const p = performance.now();
  engine.prepare();
  const prepareMs = performance.now() - p;
  const s = engine.lastSync;
  console.log(
    `run ${run}: open ${openMs.toFixed(0)} ms (saved: ${index.loaded.saved}); prepare ${prepareMs.toFixed(0)} ms: stories ${s.storiesMs.toFixed(0)} ms (${
      s.storiesSaved ? "adopted from stories.bin" : `grouped${index.storiesRefused ? `: ${index.storiesRefused}` : ""}`
    }; the grouping or adoption itself ${engine.stories.lastMs.toFixed(0)} ms, in open when open saved a missing stories.bin), pair filters ${s.pairFiltersMs.toFixed(0)} ms, rest ${s.restMs.toFixed(0)} ms; load average ${load()}`,
  );
  if (values.rebuild) {
    const g = groupArchive(index.archive);
    const f = performance.now();
    for (const seg of index.archive.segments) buildPairFilter(seg.rank);
    console.log(`  without saved stories and filters: grouping ${g.ms.toFixed(0)} ms, building the pair filters ${(performance.now() - f).toFixed(0)} ms`);
  }
  return { index, engine };
}

async function main() {
  memory("before");
  const runs = Math.max(1, Number(values.runs));
  for (let r = 1; r < runs; r++) {
    const { index } = await openAndPrepare(r);
    await index.close();
    (globalThis as { gc?: () => void }).gc?.();
  }
  const { index, engine } = await openAndPrepare(runs);
  memory("loaded and prepared");
  const q = performance.now();
  engine.search({ ...EMPTY_QUERY, q: "hoa binh" });
  console.log(`first query: ${(performance.now() - q).toFixed(0)} ms`);
  memory("after a query");
  const arrays: [string, number][] = [];
  for (const seg of index.archive.segments) {
    for (const [k, v] of Object.entries(seg.rank)) if (ArrayBuffer.isView(v)) arrays.push([`rank.${k}`, v.byteLength]);
    // The positional stream is a packed object of arrays (rank-index.ts TokenStream) since format 4.
    const stream: unknown = seg.rank.stream;
    if (!ArrayBuffer.isView(stream))
      for (const [k, v] of Object.entries(stream as object)) if (ArrayBuffer.isView(v)) arrays.push([`rank.stream.${k}`, v.byteLength]);
    for (const [k, v] of Object.entries(seg.cols)) if (ArrayBuffer.isView(v)) arrays.push([`cols.${k}`, v.byteLength]);
  }
  const sketch = index.archive.pairSketch;
  arrays.push(["pairs", sketch.a.byteLength + sketch.b.byteLength]);
  const lex = index.archive.lexicon;
  console.log(
    `segments ${index.archive.segments.length}, articles ${index.archive.live}, exact terms ${lex.exactTerm.length}, folded terms ${lex.foldedTerm.length}`,
  );
  console.log(
    `largest arrays: ${arrays
      .sort((a, b) => b[1] - a[1])
      .slice(0, 10)
      .map(([k, n]) => `${k} ${mib(n)}`)
      .join(", ")}`,
  );
  await index.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
