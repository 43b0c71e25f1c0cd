// Build (or bring up to date) the saved index of a corpus ahead of `npm start`:
//   npm run index [-- --corpus DIR] [--index DIR] [--segment-tokens N] [--threads N]
// Defaults are the server's: CORPUS_DIR (default seeds/) and INDEX_DIR (see README).
// --segment-tokens bounds a segment (default 100,000,000 tokens), and with it the memory of
// a build: one segment's articles are held until it is written (docs/history/performance-log.md).
// --threads N analyses articles (cleaning, dates, people candidates) on N worker threads
// while the main thread indexes; default 2 on a machine of several cores, 0 on one core (two
// analysers keep the main thread fed: with people, 43 s against 47 s at 35k on 2 cores,
// docs/history/performance-log.md; the output is the same bytes whatever the count).
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import os from "node:os";
import { cliArgs } from "./cli";
import { SingleBar, Presets } from "cli-progress";
import { WorkerAnalyser } from "@/lib/index/analysis-pool";
import { LiveIndex } from "@/lib/index/live-index";
import { corpusDir, indexDir } from "@/lib/search/service";

const { values } = cliArgs(__filename, {
  options: { corpus: { type: "string" }, index: { type: "string" }, "segment-tokens": { type: "string" }, threads: { type: "string" } },
});
const corpus = values.corpus ? path.resolve(values.corpus) : corpusDir();
const dir = values.index ? path.resolve(values.index) : indexDir(corpus);

async function main() {
  if (!dir) throw new Error("INDEX_DIR=none: there is nowhere to save an index");
  // A mistyped corpus path is an error here, not an empty corpus (the saved index is kept).
  try {
    readdirSync(corpus);
  } catch (error) {
    throw new Error(`cannot read the corpus directory ${corpus}: ${(error as Error).message}`);
  }
  if (values["segment-tokens"] && !(Number(values["segment-tokens"]) > 0)) throw new Error("--segment-tokens must be a positive number");
  const threads = values.threads === undefined ? (os.availableParallelism() > 1 ? 2 : 0) : Number(values.threads);
  if (!Number.isInteger(threads) || threads < 0) throw new Error("--threads must be a whole number, 0 or more");
  const analyser = threads > 0 ? new WorkerAnalyser(threads) : null;
  const started = performance.now();
  const bar = new SingleBar(
    {
      format: "Lập chỉ mục |{bar}| {value}/{total} bài · {rate} bài/s · còn {eta_formatted}",
      hideCursor: true,
      etaBuffer: 200,
      // Into a log file (not a terminal): a line every 30 s.
      noTTYOutput: true,
      notTTYSchedule: 30_000,
    },
    Presets.shades_classic,
  );
  let barStarted = false;
  const index = await LiveIndex.open({
    corpusDir: corpus,
    indexDir: dir,
    ...(values["segment-tokens"] ? { segmentTokens: Number(values["segment-tokens"]) } : {}),
    analyser,
    onProgress: (done, total) => {
      if (!barStarted) bar.start(total, 0, { rate: 0 });
      barStarted = true;
      const seconds = (performance.now() - started) / 1000;
      bar.update(done, { rate: Math.round(done / Math.max(seconds, 0.001)) });
    },
    onEvent: (event, fields) => {
      if (event === "index_rebuild" && !String(fields.reason).includes("no saved index")) console.error(`rebuilding: ${fields.reason}`);
    },
  });
  if (barStarted) bar.stop();
  const bytes = readdirSync(dir).reduce((n, f) => n + statSync(path.join(dir, f)).size, 0);
  console.log(
    [
      `corpus:   ${corpus}`,
      `index:    ${dir} (${(bytes / 2 ** 20).toFixed(1)} MiB, ${index.archive.segments.length} segment(s))`,
      `articles: ${index.archive.live} (${index.loaded.saved ? "saved index brought up to date" : "built"}), skipped sources: ${index.skippedSources.length}`,
      `time:     ${((performance.now() - started) / 1000).toFixed(1)} s`,
    ].join("\n"),
  );
  await index.close();
  await analyser?.close();
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
