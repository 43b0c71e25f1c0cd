// The built app's own search, timed inside a server process: Next.js is prepared as
// scripts/start.mjs prepares it (the same bundles, the same index service), then the engine the
// server would answer with is asked directly, without any HTTP. Beside scripts/scale/request-cpu.ts
// (the server's CPU per request), the difference is what the HTTP path costs a request:
//   npx tsx scripts/scale/bundle-search.ts --index DIR [--corpus ../shared/corpus] [--rounds 10] [--runs 4] [--app-b DIR]
//     [--queries request|eval] [--eval-every 8]
// Each run is a fresh process: the index opened as a reader, the queries asked twice untimed,
// then --rounds times each with the result cache off (SEARCH_CACHE_MB=0); its CPU time
// (process.cpuUsage) divided by the searches is the run's CPU per search.
// `--queries`: the ten of request-cpu.ts (default; few enough that the matcher keeps every one's
// match, so a repeat skips match()), or the eval latency queries that `bench.ts --parts load`
// sends (every --eval-every-th; 250 at 8, each match computed again when it comes round).
// `--app-b DIR`: another built checkout, run in turn with this one (A B, then B A, …).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { cliArgs } from "../cli";
import { median } from "../eval/metrics";
import { parseSearchParams } from "@/lib/url/search-params";
import { loadQueries, REQUEST_QUERIES } from "./request-queries";

const { values } = cliArgs(__filename, {
  options: {
    index: { type: "string" },
    corpus: { type: "string", default: "../shared/corpus" },
    rounds: { type: "string", default: "10" },
    runs: { type: "string", default: "4" },
    "app-b": { type: "string" },
    child: { type: "string" },
    queries: { type: "string", default: "request" },
    "eval-every": { type: "string", default: "8" },
    "query-file": { type: "string" },
  },
});

interface Engine {
  searchJson(query: unknown): { json: string };
}

/** One run, in this process: the build in `dir`, its engine asked directly. Prints the CPU per search in ms. */
async function child(dir: string) {
  Object.assign(process.env, { NODE_ENV: "production" });
  const next = createRequire(path.join(dir, "package.json"))("next") as (o: object) => { prepare(): Promise<void> };
  await next({ dir, hostname: "localhost", port: 0 }).prepare();
  const key = Symbol.for("tim-tin.search-service");
  const holder = globalThis as unknown as Record<symbol, { ready: Promise<{ engine: Engine }> } | undefined>;
  // instrumentation.ts starts the service while Next prepares.
  while (!holder[key]) await new Promise((r) => setTimeout(r, 50));
  const { engine } = await holder[key]!.ready;
  const asked: string[] = values["query-file"] ? JSON.parse(readFileSync(values["query-file"], "utf8")) : REQUEST_QUERIES;
  const queries = asked.map((q) => {
    const parsed = parseSearchParams(new URLSearchParams({ q }));
    if (!parsed.ok) throw new Error(`bad query ${q}`);
    return parsed.query;
  });
  for (let i = 0; i < 2; i++) for (const q of queries) engine.searchJson(q);
  const before = process.cpuUsage();
  for (let r = 0; r < Number(values.rounds); r++) for (const q of queries) engine.searchJson(q);
  const used = process.cpuUsage(before);
  const searches = Number(values.rounds) * queries.length;
  process.stdout.write(`${((used.user + used.system) / 1000 / searches).toFixed(3)}\n`);
  process.exit(0);
}

async function main() {
  if (!values.index) throw new Error("--index DIR: a saved index of the corpus");
  const env = {
    ...process.env,
    CORPUS_DIR: path.resolve(values.corpus!),
    INDEX_DIR: path.resolve(values.index),
    INDEX_ROLE: "reader",
    SEARCH_CACHE_MB: "0",
    WATCH_MS: "0",
    LOG_LEVEL: "error",
  };
  const apps = [{ name: "A", dir: path.resolve(".") }, ...(values["app-b"] ? [{ name: "B", dir: path.resolve(values["app-b"]) }] : [])];
  const load = () =>
    os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(", ");
  console.log(`machine: ${os.cpus()[0]?.model ?? "?"} × ${os.cpus().length}, node ${process.version}; load average at start: ${load()}`);
  const queries = values.queries === "eval" ? await loadQueries(env.CORPUS_DIR, env.INDEX_DIR, Number(values["eval-every"])) : REQUEST_QUERIES;
  const queryFile = path.join(mkdtempSync(path.join(os.tmpdir(), "bundle-search-")), "queries.json");
  writeFileSync(queryFile, JSON.stringify(queries));
  const cpu = new Map<string, number[]>();
  for (let run = 0; run < Number(values.runs); run++) {
    for (const app of run % 2 ? [...apps].reverse() : apps) {
      const args = [...process.execArgv, __filename, ...process.argv.slice(2), "--child", app.dir, "--query-file", queryFile];
      const ms = Number(execFileSync(process.execPath, args, { env, encoding: "utf8" }).trim().split("\n").pop());
      cpu.set(app.name, [...(cpu.get(app.name) ?? []), ms]);
    }
  }
  rmSync(path.dirname(queryFile), { recursive: true });
  console.log(`${queries.length} queries (${values.queries}) × ${values.rounds} rounds per run, result cache off, the server's engine asked in process`);
  console.log("| build | CPU per search, median (each run) |");
  console.log("|---|---|");
  for (const app of apps) {
    const runs = cpu.get(app.name)!;
    console.log(`| ${app.name} ${app.dir} | ${median(runs).toFixed(2)} ms (${runs.map((x) => x.toFixed(2)).join(", ")}) |`);
  }
  console.log(`load average at end: ${load()}`);
}

if (values.child) void child(values.child);
else
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
