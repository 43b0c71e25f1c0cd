// Load and soak the built server with autocannon. Run after `npm run build`:
//   npx tsx scripts/load.ts                      # 50 connections for 60 s on the 35k corpus
//   npx tsx scripts/load.ts --soak               # 10 minutes, RSS sampled every 10 s
//   npx tsx scripts/load.ts --corpus seeds --connections 10 --duration 20
//   npx tsx scripts/load.ts --workers 1         # one server process instead of one per core
//   npx tsx scripts/load.ts --index DIR          # a saved index built ahead (npm run index)
// It starts the app as `npm start` does (scripts/start.mjs, so it can read the processes' RSS
// from /proc and stop them with SIGTERM), or measures a running server with --url (RSS then
// from /api/health of whichever process answers).
import { type ChildProcess } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { cliArgs } from "./cli";
import autocannon from "autocannon";
import { processRss, startApp, stopApp, waitAllReady } from "./app-server";

const { values } = cliArgs(__filename, {
  options: {
    corpus: { type: "string", default: "../shared/corpus" },
    port: { type: "string", default: "3310" },
    url: { type: "string" },
    connections: { type: "string" },
    duration: { type: "string" },
    soak: { type: "boolean", default: false },
    sample: { type: "string", default: "10" },
    warmup: { type: "string", default: "120" },
    workers: { type: "string", default: String(os.availableParallelism()) },
    index: { type: "string" },
  },
});
const soak = values.soak!;
const connections = Number(values.connections ?? (soak ? 20 : 50));
const duration = Number(values.duration ?? (soak ? 600 : 60));
const sampleEvery = Number(values.sample) * 1000;
const warmupS = Number(values.warmup);
const base = values.url ?? `http://127.0.0.1:${values.port}`;
const corpus = path.resolve(values.corpus!);

// What people do: search words (marked, unmarked, names), browse, filter, page, open articles.
const WORDS = [
  "Việt Nam",
  "hoa binh",
  "giá vàng",
  "bóng đá",
  "Hà Nội",
  "tai nạn giao thông",
  "thủ tướng",
  "kinh tế",
  "xổ số",
  "thời tiết",
  "Trump",
  "Putin",
  "học sinh",
  "covid",
  "giáo dục",
];
const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)];

async function main() {
  const workers = Number(values.workers);
  let server: ChildProcess | null = null;
  const indexEnv: Record<string, string> = values.index ? { INDEX_DIR: path.resolve(values.index) } : {};
  if (!values.url) server = startApp(Number(values.port), workers, { CORPUS_DIR: corpus, LOG_LEVEL: "warn", ...indexEnv });
  // Every server process together (the primary and one per core).
  const rss = async () => (server ? processRss(server.pid!).totalMiB : (await fetch(`${base}/api/health`).then((r) => r.json())).memory.rssMiB);
  try {
    const health = await waitAllReady(base, values.url ? 1 : workers, server, 500);
    // Real facet ids and article ids, so filters and article pages hit real data.
    const browse = await fetch(`${base}/api/search?size=50`).then((r) => r.json());
    const persons: string[] = browse.facets.persons.slice(0, 20).map((p: { id: string }) => p.id);
    const ids: string[] = browse.hits.map((h: { id: string }) => h.id);
    const paths = () => {
      const r = Math.random();
      const q = encodeURIComponent(pick(WORDS));
      if (r < 0.45) return `/api/search?q=${q}`;
      if (r < 0.6) return `/api/search?q=${q}&page=${1 + Math.floor(Math.random() * 5)}&sort=${pick(["relevance", "newest", "oldest"])}`;
      if (r < 0.7 && persons.length) return `/api/search?person=${pick(persons)}`;
      if (r < 0.8) return `/?q=${q}`;
      if (r < 0.95) return `/api/articles/${encodeURIComponent(pick(ids))}`;
      return `/articles/${encodeURIComponent(pick(ids))}`;
    };

    const samples: { t: number; rssMiB: number }[] = [];
    const started = Date.now();
    const sampler = setInterval(async () => samples.push({ t: Math.round((Date.now() - started) / 1000), rssMiB: await rss() }), sampleEvery);
    const result = await autocannon({
      url: base,
      connections,
      duration,
      requests: [{ setupRequest: (req) => ({ ...req, path: paths() }) }],
    });
    clearInterval(sampler);
    samples.push({ t: Math.round((Date.now() - started) / 1000), rssMiB: await rss() });

    const cpu = os.cpus()[0]?.model ?? "unknown CPU";
    console.log(
      `machine: ${cpu} × ${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}, load average ${os
        .loadavg()
        .map((x) => x.toFixed(1))
        .join(" ")}`,
    );
    console.log(`corpus: ${values.url ? "(running server)" : corpus}, ${health.articles} articles`);
    console.log(
      `run: ${connections} connections for ${duration} s, mixed search/page/article requests, ${values.url ? "running server" : `${workers} server processes`}`,
    );
    console.log(
      `requests: ${result.requests.total} (${result.requests.average.toFixed(1)}/s average), 2xx ${result["2xx"]}, non-2xx ${result.non2xx}, errors ${result.errors}, timeouts ${result.timeouts}`,
    );
    console.log(`latency ms: p50 ${result.latency.p50}, p90 ${result.latency.p90}, p99 ${result.latency.p99}, max ${result.latency.max}`);
    const after = samples.filter((s) => s.t >= warmupS);
    if (after.length >= 2) {
      const xs = after.map((s) => s.rssMiB);
      const ref = xs[0];
      const spread = Math.max(...xs.map((x) => Math.abs(x - ref) / ref));
      console.log(
        `RSS after ${warmupS} s warm-up: first ${ref} MiB, min ${Math.min(...xs)}, max ${Math.max(...xs)}, last ${xs.at(-1)}; largest change ${(spread * 100).toFixed(1)}% (target within ±10%)`,
      );
    }
    console.log(`RSS samples (s:MiB): ${samples.map((s) => `${s.t}:${s.rssMiB}`).join(" ")}`);
    const ok = result.errors === 0 && result.timeouts === 0 && result.non2xx === 0;
    if (!ok) process.exitCode = 1;
  } finally {
    if (server) await stopApp(server);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
