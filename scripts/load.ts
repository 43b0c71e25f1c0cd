// Load and soak the built server with autocannon. Run after `npm run build`:
//   npx tsx scripts/load.ts                      # 50 connections for 60 s on the 35k corpus
//   npx tsx scripts/load.ts --soak               # 10 minutes, RSS sampled every 10 s
//   npx tsx scripts/load.ts --corpus seeds --connections 10 --duration 20
// It starts `next start` itself (so it can read the server's RSS from /proc and stop it
// with SIGTERM), or measures a running server with --url (RSS then from /api/health).
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";

const { values } = parseArgs({
  options: {
    corpus: { type: "string", default: "../shared/corpus" },
    port: { type: "string", default: "3310" },
    url: { type: "string" },
    connections: { type: "string" },
    duration: { type: "string" },
    soak: { type: "boolean", default: false },
    sample: { type: "string", default: "10" },
    warmup: { type: "string", default: "120" },
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
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)];

async function waitForHealth(server: ChildProcess | null) {
  for (;;) {
    if (server && server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
    const h = await fetch(`${base}/api/health`).then(
      (r) => (r.ok ? r.json() : null),
      () => null,
    );
    if (h && h.status === "ok") return h as { articles: number };
    await sleep(500);
  }
}

function rssMiB(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Math.round(Number(m[1]) / 1024) : NaN;
}

async function main() {
  let server: ChildProcess | null = null;
  if (!values.url) {
    const next = path.resolve("node_modules/next/dist/bin/next");
    server = spawn(process.execPath, [next, "start", "-p", values.port!], {
      env: { ...process.env, CORPUS_DIR: corpus, LOG_LEVEL: "warn" },
      stdio: ["ignore", "ignore", "inherit"],
    });
  }
  const rss = async () => (server ? rssMiB(server.pid!) : (await fetch(`${base}/api/health`).then((r) => r.json())).memory.rssMiB);
  try {
    const health = await waitForHealth(server);
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
    console.log(`run: ${connections} connections for ${duration} s, mixed search/page/article requests`);
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
    server?.kill("SIGTERM");
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
