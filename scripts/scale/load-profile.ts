// Where the time and memory of loading a saved index go, in process:
//   node --expose-gc --import tsx scripts/scale/load-profile.ts --index DIR --corpus DIR
// Prints the time of each step of LiveIndex.open (reading the files, adding segments to the
// archive, the first refresh, the corpus scan) and process.memoryUsage() after a full GC:
// RSS, the JS heap, and ArrayBuffers (the typed arrays), with the biggest arrays by name.
import path from "node:path";
import { parseArgs } from "node:util";
import { LiveIndex } from "@/lib/index/live-index";
import { SearchEngine } from "@/lib/search/engine";
import { EMPTY_QUERY } from "@/lib/url/search-params";

const { values } = parseArgs({ options: { index: { type: "string" }, corpus: { type: "string", default: "../shared/corpus" } } });
const mib = (b: number) => `${(b / 2 ** 20).toFixed(0)} MiB`;

function memory(label: string) {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  console.log(`${label}: rss ${mib(m.rss)}, heap used ${mib(m.heapUsed)}, array buffers ${mib(m.arrayBuffers)}, external ${mib(m.external)}`);
}

async function main() {
  memory("before");
  const t = performance.now();
  const index = new LiveIndex({ corpusDir: path.resolve(values.corpus!), indexDir: path.resolve(values.index!), onEvent: (e, f) => console.log(e, f) });
  await index.open();
  console.log(`open: ${(performance.now() - t).toFixed(0)} ms (saved: ${index.loaded.saved})`);
  memory("loaded");
  const engine = new SearchEngine(index.archive);
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
