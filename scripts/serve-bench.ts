// How long the built server takes to be ready on a corpus, how much memory it holds,
// and how fast it answers over HTTP. Run after `npm run build`:
//   npx tsx scripts/serve-bench.ts [--corpus ../shared/corpus] [--runs 3] [--port 3300]
import { spawn } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { cliArgs } from "./cli";
import { median } from "./eval/metrics";

const { values } = cliArgs(__filename, {
  options: {
    corpus: { type: "string", default: "../shared/corpus" },
    runs: { type: "string", default: "3" },
    port: { type: "string", default: "3300" },
  },
});
const corpus = path.resolve(values.corpus!);
const runs = Number(values.runs);
const port = Number(values.port);
const base = `http://127.0.0.1:${port}`;
// A fixed mix of query shapes: names, multi-syllable words, unmarked, relaxed, browse.
const QUERIES = ["Nguyễn Phú Trọng", "hoa binh", "giá vàng hôm nay", "bóng đá Việt Nam", "tai nan giao thong", "thủ tướng Phạm Minh Chính", "xổ số", ""];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function once() {
  const started = performance.now();
  const server = spawn("npx", ["next", "start", "-p", String(port)], {
    env: { ...process.env, CORPUS_DIR: corpus },
    stdio: "ignore",
    detached: true,
  });
  try {
    let health: { articles: number; buildMs: number; memory: { rssMiB: number; heapUsedMiB: number } } | null = null;
    while (!health) {
      await sleep(250);
      health = await fetch(`${base}/api/health`).then(
        (r) => (r.ok ? r.json() : null),
        () => null,
      );
    }
    const readyMs = performance.now() - started;
    const latencies: number[] = [];
    for (let round = 0; round < 5; round++) {
      for (const q of QUERIES) {
        const t = performance.now();
        const res = await fetch(`${base}/api/search?q=${encodeURIComponent(q)}`);
        await res.json();
        if (round > 0) latencies.push(performance.now() - t); // round 0 warms up
      }
    }
    const after = await fetch(`${base}/api/health`).then((r) => r.json());
    return {
      articles: health.articles,
      readyMs,
      buildMs: health.buildMs,
      rssMiB: after.memory.rssMiB,
      heapMiB: after.memory.heapUsedMiB,
      httpP50: median(latencies),
    };
  } finally {
    process.kill(-server.pid!, "SIGTERM");
    await sleep(1000);
  }
}

async function main() {
  const results = [];
  for (let i = 0; i < runs; i++) {
    const r = await once();
    console.log(`run ${i + 1}: ${JSON.stringify(r, (_, v) => (typeof v === "number" ? Math.round(v) : v))}`);
    results.push(r);
  }
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  console.log(`\nmachine: ${cpu} × ${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`);
  console.log(`corpus: ${corpus} (${results[0].articles} articles), median of ${runs} runs`);
  console.log(
    `ready after start: ${Math.round(median(results.map((r) => r.readyMs)))} ms (index build ${Math.round(median(results.map((r) => r.buildMs)))} ms)`,
  );
  console.log(`server memory: RSS ${median(results.map((r) => r.rssMiB))} MiB, heap used ${median(results.map((r) => r.heapMiB))} MiB`);
  console.log(`HTTP /api/search p50 over ${QUERIES.length} query shapes: ${median(results.map((r) => r.httpP50)).toFixed(1)} ms`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
