// A deterministic archive of N articles grown from the 35k corpus, for scale benchmarks:
//   npx tsx scripts/scale/generate.ts --size 100000 --out /tmp/archive-100k [--corpus ../shared/corpus]
// New ids; each body is 3–12 paragraphs drawn from the corpus's paragraphs, the title from
// its titles; dates spread over 2015–2025 in id order; files of 50,000 lines. Same size,
// same seed → the same bytes. Never commit an archive: write it to a temporary directory.
import { createReadStream } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline";
import { cliArgs } from "../cli";
import { createGunzip } from "node:zlib";
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
  const titles: string[] = [];
  const paragraphs: string[] = [];
  const lines = createInterface({ input: createReadStream(corpusFile).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as { title?: string; body?: string };
    if (r.title) titles.push(r.title);
    for (const p of (r.body ?? "").split("\n")) if (p.trim().length > 40) paragraphs.push(p.trim());
  }
  const rand = mulberry32(Number(values.seed));
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  await mkdir(values.out, { recursive: true });
  const start = Date.UTC(2015, 0, 1);
  const span = Date.UTC(2025, 11, 31) - start;
  let batch: string[] = [];
  let fileNo = 0;
  const flush = async () => {
    if (!batch.length) return;
    await writeFile(path.join(values.out!, `archive-${String(fileNo++).padStart(4, "0")}.jsonl`), batch.join("\n") + "\n");
    batch = [];
  };
  for (let i = 0; i < size; i++) {
    const count = 3 + Math.floor(rand() * 10);
    const body = Array.from({ length: count }, () => pick(paragraphs)).join("\n");
    const date = new Date(start + Math.floor((span * i) / size)).toISOString().slice(0, 10);
    batch.push(JSON.stringify({ id: `gen-${String(i).padStart(7, "0")}`, title: pick(titles), body, date }));
    if (batch.length === FILE_LINES) await flush();
  }
  await flush();
  console.log(`${size} articles in ${fileNo} files under ${values.out} (from ${titles.length} titles, ${paragraphs.length} paragraphs)`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
