// What reading one article from the document store costs, and what other block layouts
// would cost, on a saved index's own `.docs` blocks (lib/index/docstore.ts):
//   npx tsx scripts/scale/docstore-codec.ts --index DIR [--blocks 600] [--runs 3]
// Times node:zlib's inflateRawSync of whole 8-article blocks (as the store read them until
// 2026-11-26), of the same articles deflated one by one, and one by one with the segment's
// 32 KiB preset dictionary (as the store writes them now, docStoreDictionary), with the
// compressed size of each; prints each run (median of the runs last). The articles are read
// through the store, so any layout of the index serves. Last, the index's own store.get of an
// article not cached (read, CRC, inflate, JSON.parse): what a shown hit costs in this layout.
// Nothing is written: the index is opened as a reader.
import path from "node:path";
import { cliArgs } from "../cli";
import { deflateRawSync, inflateRawSync } from "node:zlib";
import { articleJson, BLOCK_DOCS, docStoreDictionary } from "@/lib/index/docstore";
import { LiveIndex } from "@/lib/index/live-index";
import { median } from "../eval/metrics";

const { values } = cliArgs(__filename, {
  options: {
    index: { type: "string" },
    archive: { type: "string", default: "../shared/corpus" },
    blocks: { type: "string", default: "600" },
    runs: { type: "string", default: "3" },
  },
});

async function main() {
  const live = await LiveIndex.open({ corpusDir: path.resolve(values.archive!), indexDir: path.resolve(values.index!), reader: true, waitForWriter: false });
  const seg = live.archive.segments.reduce((a, b) => (b.rank.n > a.rank.n ? b : a));
  // Blocks of 8 articles spread over the segment (a prime stride), read through the store
  // (whatever its layout), and laid out afresh each way.
  const count = Math.floor(seg.rank.n / BLOCK_DOCS);
  const n = Math.min(Number(values.blocks), Math.floor(count / 2));
  const blocks = Array.from({ length: n }, (_, i) => {
    const b = (i * 7919) % count;
    return Array.from({ length: BLOCK_DOCS }, (_, k) => seg.store.get(b * BLOCK_DOCS + k));
  });
  // The store's dictionary, made from the whole segment as a build makes it.
  const dictionary = docStoreDictionary(seg.rank.n, (d) => seg.store.get(d), articleJson);
  const articles = blocks.flatMap((block) => block.map((a) => Buffer.from(JSON.stringify(a))));
  const layouts = [
    {
      name: "8-article blocks (the store's until 2026-11-26)",
      packed: blocks.map((b) => deflateRawSync(Buffer.from(JSON.stringify(b)))),
      inflate: (b: Buffer) => inflateRawSync(b),
    },
    { name: "one article per block", packed: articles.map((a) => deflateRawSync(a)), inflate: (b: Buffer) => inflateRawSync(b) },
    {
      name: "one article per block, 32 KiB dictionary (the store's now)",
      packed: articles.map((a) => deflateRawSync(a, { dictionary })),
      inflate: (b: Buffer) => inflateRawSync(b, { dictionary }),
    },
  ];
  const rawBytes = articles.reduce((s, a) => s + a.length, 0);
  console.log(
    `segment ${seg.name}: ${seg.rank.n} articles; sample ${n} blocks of ${BLOCK_DOCS}, ${articles.length} articles, ${(rawBytes / articles.length).toFixed(0)} B of JSON each`,
  );
  const times = layouts.map(() => [] as number[]);
  // The index's own store as a shown hit reads it (FileDocStore.get: read, CRC, inflate, parse
  // one article), its cache emptied first, one article of each sampled block.
  const storeTimes: number[] = [];
  for (let r = 0; r < Number(values.runs); r++) {
    layouts.forEach((l, i) => {
      const t = performance.now();
      for (const b of l.packed) l.inflate(b);
      times[i].push(((performance.now() - t) * 1000) / l.packed.length);
    });
    seg.store.close();
    const t = performance.now();
    for (let i = 0; i < n; i++) seg.store.get(((i * 7919) % count) * BLOCK_DOCS + (r % BLOCK_DOCS));
    storeTimes.push(((performance.now() - t) * 1000) / n);
    console.log(
      `run ${r + 1}: ${layouts.map((l, i) => `${l.name} ${times[i][r].toFixed(1)} µs`).join(", ")}; the index's store.get ${storeTimes[r].toFixed(1)} µs`,
    );
  }
  // Showing one article inflates its whole block, whatever the layout.
  console.log("| layout | compressed / JSON | inflate per article shown (median of runs) |");
  console.log("|---|---|---|");
  layouts.forEach((l, i) => {
    const size = l.packed.reduce((s, b) => s + b.length, 0);
    console.log(`| ${l.name} | ${(size / rawBytes).toFixed(3)} | ${median(times[i]).toFixed(1)} µs |`);
  });
  const layout = (seg.store as unknown as { index: { blockDocs: number } }).index.blockDocs === 1 ? "one article per block" : `${BLOCK_DOCS}-article blocks`;
  console.log(`this index (${layout}): store.get of an article not cached, read to parsed, median ${median(storeTimes).toFixed(1)} µs`);
  await live.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
