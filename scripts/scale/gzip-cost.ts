// What gzipping a response costs the server, per body, by the two ways it can be done (issue #10,
// api24): `gzipSync` (a stream object and a native deflate state made and closed per body) and
// `ReusedGzip` (lib/http/reused-gzip.ts: one kept native handle, what `gzipBody` uses for the
// API's answers and the results pages):
//   npx tsx scripts/scale/gzip-cost.ts --url http://127.0.0.1:PORT --index DIR [--archive DIR] [--every 8] [--runs 7]
// `--url`: a running server of this corpus (`npm start`); the results pages and API answers of
// the load test's queries (`npm run eval`'s latency queries, every `--every`-th) are fetched from
// it once, unencoded, then gzipped in process at the server's level (Z_BEST_SPEED) by both ways
// in turn (which goes first alternates per run), by CPU time; the median of `--runs` runs of the
// mean per body. The outputs are checked equal byte for byte.
import path from "node:path";
import { gzipSync } from "node:zlib";
import { cliArgs } from "../cli";
import { GZIP_OPTIONS } from "@/lib/http/node-search-api";
import { ReusedGzip } from "@/lib/http/reused-gzip";
import { loadAverage, median } from "../eval/metrics";
import { EVAL_OPTIONS, loadQueries, processCpuNow } from "./request-queries";

const { values } = cliArgs(__filename, {
  options: {
    ...EVAL_OPTIONS,
    runs: { type: "string", default: "7" },
    url: { type: "string" },
  },
});

async function fetchAll(base: string, paths: string[]): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for (const p of paths) {
    const res = await fetch(base + p, { headers: { "accept-encoding": "identity" } });
    if (!res.ok) throw new Error(`${p}: ${res.status}`);
    out.push(Buffer.from(await res.arrayBuffer()));
  }
  return out;
}

async function main() {
  if (!values.url || !values.index) throw new Error("--url BASE of a running server and --index DIR (for the queries)");
  const queries = await loadQueries(path.resolve(values.archive!), path.resolve(values.index), Number(values.every));
  const kinds = {
    "results page (10 hits)": await fetchAll(
      values.url,
      queries.map((q) => `/?q=${encodeURIComponent(q)}`),
    ),
    "API answer": await fetchAll(
      values.url,
      queries.map((q) => `/api/search?q=${encodeURIComponent(q)}`),
    ),
  };
  const reused = new ReusedGzip(GZIP_OPTIONS);
  if (!reused.reusing) throw new Error("this Node's zlib lacks the kept handle's internals: ReusedGzip falls back to gzipSync");
  console.log(`${queries.length} queries from ${values.url}, CPU time, median of ${values.runs} runs of the mean per body; load ${loadAverage()}`);
  console.log("\n| body | bytes (mean) | gzipped | gzipSync | ReusedGzip | reused/sync |\n|---|---|---|---|---|---|");
  for (const [kind, bodies] of Object.entries(kinds)) {
    for (const b of bodies) if (!reused.gzip(b).equals(gzipSync(b, GZIP_OPTIONS))) throw new Error(`${kind}: the two ways differ`);
    const ways = { sync: (b: Buffer) => gzipSync(b, GZIP_OPTIONS), reused: (b: Buffer) => reused.gzip(b) };
    const times: Record<keyof typeof ways, number[]> = { sync: [], reused: [] };
    for (let r = 0; r < Number(values.runs); r++) {
      const order = (r % 2 ? ["reused", "sync"] : ["sync", "reused"]) as (keyof typeof ways)[];
      for (const way of order) {
        const t = processCpuNow();
        for (const b of bodies) ways[way](b);
        times[way].push((processCpuNow() - t) / bodies.length);
      }
    }
    const mean = (f: (b: Buffer) => number) => bodies.reduce((s, b) => s + f(b), 0) / bodies.length;
    const sync = median(times.sync);
    const kept = median(times.reused);
    console.log(
      `| ${kind} | ${mean((b) => b.length).toFixed(0)} | ${mean((b) => reused.gzip(b).length).toFixed(0)} | ${sync.toFixed(3)} ms | ${kept.toFixed(3)} ms | ${(kept / sync).toFixed(3)} |`,
    );
  }
  console.log(`\nload at end ${loadAverage()}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
