// What reading one article from the document store costs, and what other block layouts
// would cost, on a saved index's own `.docs` blocks (lib/index/docstore.ts):
//   npx tsx scripts/scale/docstore-codec.ts --index DIR [--blocks 600] [--runs 3]
// Times node:zlib's inflateRawSync of whole 8-article blocks (as the store reads them), of the
// same articles deflated one by one, and one by one with a 32 KiB preset dictionary (text of
// other blocks), with the compressed size of each; prints each run (median of the runs last).
// Nothing is written: the index is opened as a reader.
import { closeSync, openSync, readSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { deflateRawSync, inflateRawSync } from "node:zlib";
import { LiveIndex } from "@/lib/index/live-index";
import { median } from "../eval/metrics";

const { values } = parseArgs({
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
  // The store's file and block offsets (private to FileDocStore: read here only to time its blocks).
  const store = seg.store as unknown as { file: string; index: { offsets: Float64Array } };
  const { offsets } = store.index;
  const count = offsets.length - 1;
  const fd = openSync(store.file, "r");
  const read = (b: number) => {
    const buf = Buffer.alloc(offsets[b + 1] - offsets[b]);
    readSync(fd, buf, 0, buf.length, offsets[b]);
    return buf;
  };
  // Blocks spread over the segment (a prime stride), and a dictionary from blocks outside the sample.
  const n = Math.min(Number(values.blocks), Math.floor(count / 2));
  const sample = Array.from({ length: n }, (_, i) => read((i * 7919) % (count - 64)));
  const dictionary = Buffer.from(Array.from({ length: 64 }, (_, i) => inflateRawSync(read(count - 64 + i)).toString("utf8")).join("")).subarray(0, 32768);
  closeSync(fd);
  const articles = sample.flatMap((b) => (JSON.parse(inflateRawSync(b).toString("utf8")) as unknown[]).map((a) => Buffer.from(JSON.stringify([a]))));
  const layouts = [
    { name: "8-article blocks (the store's)", packed: sample, inflate: (b: Buffer) => inflateRawSync(b) },
    { name: "one article per block", packed: articles.map((a) => deflateRawSync(a)), inflate: (b: Buffer) => inflateRawSync(b) },
    {
      name: "one article per block, 32 KiB dictionary",
      packed: articles.map((a) => deflateRawSync(a, { dictionary })),
      inflate: (b: Buffer) => inflateRawSync(b, { dictionary }),
    },
  ];
  const rawBytes = articles.reduce((s, a) => s + a.length, 0);
  console.log(
    `segment ${seg.name}: ${seg.rank.n} articles in ${count} blocks; sample ${n} blocks, ${articles.length} articles, ${(rawBytes / articles.length).toFixed(0)} B of JSON each`,
  );
  const times = layouts.map(() => [] as number[]);
  for (let r = 0; r < Number(values.runs); r++) {
    layouts.forEach((l, i) => {
      const t = performance.now();
      for (const b of l.packed) l.inflate(b);
      times[i].push(((performance.now() - t) * 1000) / l.packed.length);
    });
    console.log(`run ${r + 1}: ${layouts.map((l, i) => `${l.name} ${times[i][r].toFixed(1)} µs`).join(", ")}`);
  }
  // Showing one article inflates its whole block, whatever the layout.
  console.log("| layout | compressed / JSON | inflate per article shown (median of runs) |");
  console.log("|---|---|---|");
  layouts.forEach((l, i) => {
    const size = l.packed.reduce((s, b) => s + b.length, 0);
    console.log(`| ${l.name} | ${(size / rawBytes).toFixed(3)} | ${median(times[i]).toFixed(1)} µs |`);
  });
  await live.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
