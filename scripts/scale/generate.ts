// A deterministic archive of N articles grown from the 35k corpus, for scale benchmarks:
//   npx tsx scripts/scale/generate.ts --size 100000 --out /tmp/archive-100k [--corpus ../shared/corpus] [--seed 7]
// New ids; each article copies a real article's shape (paragraph count and lengths) with
// paragraphs drawn from the corpus at those lengths, so the archive's articles are as long as the
// corpus's (lib/corpus/grow-archive.ts); the title is a real title; dates spread over 2015–2025
// in id order; files of 50,000 lines. Same size, same seed → the same bytes. Never commit an
// archive: write it to a temporary directory.
import { createReadStream } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import { ArchiveSeed, growArchive } from "@/lib/corpus/grow-archive";
import { cliArgs } from "../cli";
import { mulberry32 } from "../eval/queries";

const { values } = cliArgs(__filename, {
  options: {
    size: { type: "string", default: "100000" },
    out: { type: "string" },
    corpus: { type: "string", default: "../shared/corpus/baomoi-2017.jsonl.gz" },
    seed: { type: "string", default: "7" },
  },
});
const FILE_LINES = 50_000;

async function main() {
  if (!values.out) throw new Error("--out DIR is required (a temporary directory, never the repo)");
  const size = Number(values.size);
  const corpusFile = values.corpus!.endsWith(".gz") ? values.corpus! : path.join(values.corpus!, "baomoi-2017.jsonl.gz");
  const seed = new ArchiveSeed();
  const lines = createInterface({ input: createReadStream(corpusFile).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) if (line.trim()) seed.add(JSON.parse(line) as { title?: string; body?: string });
  await mkdir(values.out, { recursive: true });
  let batch: string[] = [];
  let fileNo = 0;
  let bytes = 0;
  const flush = async () => {
    if (!batch.length) return;
    const text = batch.join("\n") + "\n";
    bytes += Buffer.byteLength(text);
    await writeFile(path.join(values.out!, `archive-${String(fileNo++).padStart(4, "0")}.jsonl`), text);
    batch = [];
  };
  for (const article of growArchive(seed, { size, rand: mulberry32(Number(values.seed)) })) {
    batch.push(JSON.stringify(article));
    if (batch.length === FILE_LINES) await flush();
  }
  await flush();
  console.log(
    `${size} articles in ${fileNo} files under ${values.out}, ${(bytes / size / 1024).toFixed(2)} KiB each ` +
      `(from ${seed.titles.length} titles, ${seed.shapes.length} article shapes, ${seed.paragraphCount} paragraphs)`,
  );
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
