// Scale benchmark: build, size on disk, restart, memory and latency of the saved index on
// one archive, with FlexSearch (the fastest peer in ../shared/BENCHMARKS.md) on the same
// articles and queries in the same run. Run after `npm run build`:
//   npx tsx scripts/scale/bench.ts --archive /tmp/archive-100k [--runs 3] [--port 3400] [--workers 1]
// The server starts as `npm start` does (scripts/start.mjs) with --workers processes; ready =
// every process answers "ok"; RSS per process and of all of them, from /proc.
// (archives come from scripts/scale/generate.ts; ../shared/corpus is the 35k corpus).
import { spawn } from "node:child_process";
import { createReadStream, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { createGunzip } from "node:zlib";
import type { Article } from "@/lib/corpus/types";
import { LiveIndex } from "@/lib/index/live-index";
import { SearchEngine } from "@/lib/search/engine";
import { EMPTY_QUERY } from "@/lib/url/search-params";
import { flexSearchVi } from "../eval/peers";
import { median, percentile } from "../eval/metrics";
import { mulberry32 } from "../eval/queries";
import { processRss, startApp, stopApp, waitAllReady } from "../app-server";

const { values } = parseArgs({
  options: {
    archive: { type: "string", default: "../shared/corpus" },
    runs: { type: "string", default: "3" },
    port: { type: "string", default: "3400" },
    index: { type: "string" },
    workers: { type: "string", default: "1" },
  },
});
const archive = path.resolve(values.archive!);
const runs = Number(values.runs);
const port = Number(values.port);
const base = `http://127.0.0.1:${port}`;
const NATURAL = [
  "giá vàng hôm nay",
  "bão số 5",
  "tai nan giao thong",
  "bóng đá Việt Nam",
  "thủ tướng",
  "hoa binh",
  "Donald Trump",
  "xổ số miền Bắc",
  "học sinh",
  "giá xăng tăng",
];
const workers = Number(values.workers);

async function readArticles(): Promise<Article[]> {
  const out: Article[] = [];
  for (const f of readdirSync(archive)
    .filter((f) => /\.jsonl(\.gz)?$/.test(f))
    .sort()) {
    let input: NodeJS.ReadableStream = createReadStream(path.join(archive, f));
    if (f.endsWith(".gz")) input = input.pipe(createGunzip());
    for await (const line of createInterface({ input, crlfDelay: Infinity })) {
      if (!line.trim()) continue;
      const r = JSON.parse(line) as { id: string | number; title?: string; body: string };
      out.push({ id: String(r.id), title: r.title ?? "", paragraphs: r.body.split("\n"), captions: [] } as unknown as Article);
    }
  }
  return out;
}

function queryMix(articles: Article[]): string[] {
  const rand = mulberry32(11);
  const known: string[] = [];
  while (known.length < 50) {
    const words = articles[Math.floor(rand() * articles.length)].title.split(/\s+/).filter(Boolean);
    if (words.length < 4) continue;
    const at = Math.floor(rand() * (words.length - 3));
    known.push(words.slice(at, at + 3).join(" "));
  }
  return [...known, ...NATURAL];
}

function timeEach(queries: string[], run: (q: string) => unknown): number[] {
  for (const q of queries) run(q); // warm-up
  return queries.map((q) => {
    const t = performance.now();
    run(q);
    return performance.now() - t;
  });
}

async function serve(indexDir: string, queries: string[]) {
  const started = performance.now();
  const server = startApp(port, workers, { CORPUS_DIR: archive, INDEX_DIR: indexDir, LOG_LEVEL: "warn" });
  try {
    await waitAllReady(base, workers, server);
    const readyMs = performance.now() - started;
    const readyRss = processRss(server.pid!);
    const times: number[] = [];
    // fetch keeps its connection alive: one process answers these sequential queries.
    for (let round = 0; round < 2; round++) {
      for (const q of queries) {
        const t = performance.now();
        await (await fetch(`${base}/api/search?q=${encodeURIComponent(q)}`)).json();
        if (round > 0) times.push(performance.now() - t);
      }
    }
    const after = processRss(server.pid!);
    return { readyMs, rssMiB: Math.max(...readyRss.perWorkerMiB), afterMiB: Math.max(...after.perWorkerMiB), totalMiB: after.totalMiB, httpP50: median(times) };
  } finally {
    await stopApp(server);
  }
}

async function main() {
  const indexDir = values.index ? path.resolve(values.index) : mkdtempSync(path.join(os.tmpdir(), "timtin-bench-index-"));
  let buildMs = NaN;
  if (!values.index) {
    const t = performance.now();
    await new Promise<void>((resolve, reject) => {
      const p = spawn("npx", ["tsx", "scripts/index.ts", "--corpus", archive, "--index", indexDir], { stdio: "ignore" });
      p.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`npm run index exited ${code}`))));
    });
    buildMs = performance.now() - t;
  }
  const diskMiB = readdirSync(indexDir).reduce((n, f) => n + statSync(path.join(indexDir, f)).size, 0) / 2 ** 20;

  const articles = await readArticles();
  const queries = queryMix(articles);
  const served = [];
  for (let i = 0; i < runs; i++) served.push(await serve(indexDir, queries));

  const t = performance.now();
  const live = await LiveIndex.open({ corpusDir: archive, indexDir });
  const loadMs = performance.now() - t;
  const engine = new SearchEngine(live.archive);
  const ours = timeEach(queries, (q) => engine.search({ ...EMPTY_QUERY, q })).sort((a, b) => a - b);
  await live.close();

  const tf = performance.now();
  const flex = flexSearchVi(articles);
  const flexBuildMs = performance.now() - tf;
  const theirs = timeEach(queries, flex).sort((a, b) => a - b);

  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  console.log(`machine: ${cpu} × ${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`);
  console.log(`archive: ${archive} (${articles.length} articles), ${queries.length} queries, restart figures median of ${runs} runs`);
  console.log(`server processes: ${workers}; RSS = the largest server process (after the queries: largest, and all processes with the primary)`);
  console.log("| engine | build | index on disk | ready after restart | RSS when ready | RSS after queries (all) | in-process p50 | p99 | HTTP p50 |");
  console.log("|---|---|---|---|---|---|---|---|---|");
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  console.log(
    `| Tìm tin | ${Number.isNaN(buildMs) ? "—" : s(buildMs)} | ${diskMiB.toFixed(0)} MiB | ${s(median(served.map((r) => r.readyMs)))} | ${median(served.map((r) => r.rssMiB))} MiB | ${median(served.map((r) => r.afterMiB))} MiB (${median(served.map((r) => r.totalMiB))} MiB) | ${percentile(ours, 50).toFixed(1)} ms | ${percentile(ours, 99).toFixed(1)} ms | ${median(served.map((r) => r.httpP50)).toFixed(1)} ms |`,
  );
  console.log(
    `| FlexSearch + vi folding | ${s(flexBuildMs)} | (in memory) | — | — | — | ${percentile(theirs, 50).toFixed(1)} ms | ${percentile(theirs, 99).toFixed(1)} ms | — |`,
  );
  console.log(`in-process load of the saved index: ${s(loadMs)}`);
  if (!values.index) rmSync(indexDir, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
