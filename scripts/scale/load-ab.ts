// Two builds (or two indexes) under load at the same moment: bench.ts's load part (autocannon on
// /api/search over the eval queries, every search computed with --cache off) run on both at
// once, half the connections each, so the two share whatever else the machine runs. On a
// machine shared with other jobs the load moves between two runs taken one after the other by
// more than a 10% change in CPU per request; taken together, each round is a pair. After
// `npm run build` here and in the other checkout:
//   npx tsx scripts/scale/load-ab.ts --index DIR [--app-b OTHER_CHECKOUT] [--index-b DIR]
//     [--workers 2] [--connections 50] [--duration 30] [--rounds 4] [--port 3420] [--cache off]
//     [--env-b NAME=VALUE ...] [--cpu-prof DIR] [--idle S] [--log DIR]
// App A is this checkout on --index; app B is --app-b (default this checkout) on --index-b
// (default --index), with --env-b's variables added to its environment (a server setting A/B,
// e.g. TIMTIN_SEMI_SPACE_MB=64). Each serves a copy of its index made here (removed after), as `npm start`
// runs it (--workers processes), A on --port and B on --port + 1; both start, become ready, then
// --rounds rounds of --duration seconds each load both together; the servers run on between
// rounds (round 1 is a fresh process's first requests, as bench.ts's load part times). Per
// round and app: requests answered, req/s, the server processes' CPU (user + system, /proc)
// over the round per request, and the cores they kept busy; then B against A round by round
// (paired-runs.ts). The eval queries are drawn from --index with this checkout's code (the
// two indexes of one corpus give the same 250: their titles are the same). `--cpu-prof DIR`: each
// server process writes its CPU profile under DIR/A or DIR/B when it stops (cpu-summary.ts,
// query-stages.ts read them). Each round also says how much of the servers' CPU their processes'
// other threads did (V8's helpers: GC, background compiles; the thread pool). `--idle S`: before
// the first round, each app's CPU over S seconds with no request (what runs in the background).
// `--log DIR`: each app's server output in DIR/A.log and DIR/B.log, and each round's part of it
// in DIR/A-round-N.log (with `--env-b TIMTIN_V8_FLAGS="--trace-opt --trace-deopt"`, or the same
// for A in its environment, opt-trace.ts reads a round's compiles and deopts).
import { closeSync, cpSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { cliArgs } from "../cli";
import { healthOfEach, serverCpuMs, startApp, stopApp, waitAllReady } from "../app-server";
import { statCpuSeconds } from "../proc-cpu";
import { loadRatios } from "./paired-runs";
import { loadQueries } from "./request-queries";

const { values } = cliArgs(__filename, {
  options: {
    index: { type: "string" },
    "index-b": { type: "string" },
    "app-b": { type: "string" },
    corpus: { type: "string", default: "../shared/corpus" },
    workers: { type: "string", default: "2" },
    connections: { type: "string", default: "50" },
    duration: { type: "string", default: "30" },
    rounds: { type: "string", default: "4" },
    port: { type: "string", default: "3420" },
    cache: { type: "string", default: "off" },
    "eval-every": { type: "string", default: "8" },
    "env-b": { type: "string", multiple: true },
    "cpu-prof": { type: "string" },
    idle: { type: "string", default: "0" },
    log: { type: "string" },
  },
});

interface App {
  name: "A" | "B";
  dir: string;
  index: string;
  copy: string;
  base: string;
  port: number;
  server: ReturnType<typeof startApp> | null;
  /** The server's output file (--log), and where the current round's part of it starts. */
  log: { file: string; fd: number; at: number } | null;
}

interface Round {
  requests: number;
  errors: number;
  timeouts: number;
  cpuMs: number;
  /** Of cpuMs, the server processes' main threads'. */
  mainMs: number;
  wallMs: number;
}

/** CPU so far (ms) of each server process of the app, in all and of its main thread. */
function appCpu(app: App): { all: number; main: number } {
  let all = 0;
  let main = 0;
  for (const [pid, ms] of serverCpuMs(app.server!.pid!)) {
    all += ms;
    main += statCpuSeconds(`/proc/${pid}/task/${pid}/stat`) * 1000;
  }
  return { all, main };
}

/** Load one app with autocannon for `duration` s; its server processes' CPU over the run. */
async function loadOne(app: App, queries: string[], connections: number, duration: number): Promise<Round> {
  let i = 0;
  const before = appCpu(app);
  const started = performance.now();
  const result = await autocannon({
    url: app.base,
    connections,
    duration,
    requests: [{ setupRequest: (req) => ({ ...req, path: `/api/search?q=${encodeURIComponent(queries[i++ % queries.length])}` }) }],
  });
  const wallMs = performance.now() - started;
  const after = appCpu(app);
  return {
    requests: result.requests.total,
    errors: result.errors,
    timeouts: result.timeouts,
    cpuMs: after.all - before.all,
    mainMs: after.main - before.main,
    wallMs,
  };
}

async function main() {
  if (!values.index) throw new Error("--index DIR: a saved index of the corpus");
  const corpus = path.resolve(values.corpus!);
  const workers = Number(values.workers);
  const duration = Number(values.duration);
  const each = Math.max(1, Math.floor(Number(values.connections) / 2));
  const queries = await loadQueries(corpus, path.resolve(values.index), Number(values["eval-every"]));
  const scratch = mkdtempSync(path.join(os.tmpdir(), "timtin-load-ab-"));
  const apps: App[] = [
    { name: "A", dir: ".", index: path.resolve(values.index) },
    { name: "B", dir: values["app-b"] ?? ".", index: path.resolve(values["index-b"] ?? values.index) },
  ].map((a, i) => {
    const port = Number(values.port) + i;
    return { ...a, name: a.name as "A" | "B", copy: path.join(scratch, a.name), port, base: `http://127.0.0.1:${port}`, server: null, log: null };
  });
  const load = () =>
    os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(", ");
  console.log(`machine: ${os.cpus()[0]?.model ?? "?"} × ${os.cpus().length}, node ${process.version}; load average at start: ${load()}`);
  const envB = Object.fromEntries((values["env-b"] ?? []).map((kv) => [kv.slice(0, kv.indexOf("=")), kv.slice(kv.indexOf("=") + 1)]));
  for (const app of apps)
    console.log(
      `${app.name}: ${path.resolve(app.dir)}, index ${app.index} (served from a copy)${app.name === "B" && values["env-b"] ? `, ${values["env-b"].join(" ")}` : ""}`,
    );
  console.log(
    `${queries.length} eval queries; ${each} connections on each app for ${duration} s per round, both at once; ${workers} server processes each; result cache ${values.cache}`,
  );
  try {
    for (const app of apps) {
      cpSync(app.index, app.copy, { recursive: true });
      const env: Record<string, string> = { CORPUS_DIR: corpus, INDEX_DIR: app.copy, LOG_LEVEL: "warn", WATCH_MS: "0" };
      if (values.cache === "off") env.SEARCH_CACHE_MB = "0";
      if (app.name === "B") Object.assign(env, envB);
      if (values["cpu-prof"]) env.TIMTIN_CPU_PROF_DIR = path.resolve(values["cpu-prof"], app.name);
      if (values.log) {
        mkdirSync(values.log, { recursive: true });
        const file = path.resolve(values.log, `${app.name}.log`);
        app.log = { file, fd: openSync(file, "w"), at: 0 };
      }
      app.server = startApp(app.port, workers, env, app.log?.fd, app.dir);
    }
    for (const app of apps) await waitAllReady(app.base, workers, app.server);
    if (Number(values.idle) > 0) {
      const before = apps.map(appCpu);
      await new Promise((r) => setTimeout(r, Number(values.idle) * 1000));
      const used = apps.map((app, i) => `${app.name} ${(appCpu(app).all - before[i].all).toFixed(0)} ms`);
      console.log(`idle for ${values.idle} s after ready, the server processes' CPU: ${used.join(", ")}`);
    }
    for (const app of apps) if (app.log) app.log.at = statSync(app.log.file).size;
    const rounds: Record<"A" | "B", Round[]> = { A: [], B: [] };
    console.log(
      "| round | load at end | A req/s | A CPU per request | A cores busy | A other threads | B req/s | B CPU per request | B cores busy | B other threads | B/A CPU per request |",
    );
    console.log("|---|---|---|---|---|---|---|---|---|---|---|");
    for (let r = 0; r < Number(values.rounds); r++) {
      for (const app of apps) await healthOfEach(app.base, workers, "?reset=1");
      const [a, b] = await Promise.all(apps.map((app) => loadOne(app, queries, each, duration)));
      rounds.A.push(a);
      rounds.B.push(b);
      for (const app of apps)
        if (app.log) {
          const end = statSync(app.log.file).size;
          writeFileSync(path.resolve(values.log!, `${app.name}-round-${r + 1}.log`), readFileSync(app.log.file).subarray(app.log.at, end));
          app.log.at = end;
        }
      const perReq = (x: Round) => x.cpuMs / Math.max(1, x.requests);
      const cell = (x: Round) =>
        `${((x.requests * 1000) / x.wallMs).toFixed(0)}${x.errors || x.timeouts ? ` (${x.errors} errors, ${x.timeouts} timeouts)` : ""} | ${perReq(x).toFixed(2)} ms | ${(x.cpuMs / x.wallMs).toFixed(2)} | ${((100 * (x.cpuMs - x.mainMs)) / Math.max(1, x.cpuMs)).toFixed(0)}%`;
      console.log(`| ${r + 1} | ${load()} | ${cell(a)} | ${cell(b)} | ${(perReq(b) / perReq(a)).toFixed(3)} |`);
    }
    const line = (from: number, what: string) => {
      const r = loadRatios(rounds.A, rounds.B, from);
      console.log(
        `${what}: B/A of CPU per request ${r.ofTotals.toFixed(3)} over the rounds' totals, median of the rounds ${r.median.toFixed(3)}, B lower in ${r.lower} of ${r.perRound.length}`,
      );
    };
    line(0, "all rounds");
    // The first round holds each fresh process's compiles and first reads of the index.
    if (rounds.A.length > 1) line(1, "rounds 2 on");
    console.log(`load average at end: ${load()}`);
  } finally {
    for (const app of apps) if (app.server) await stopApp(app.server);
    for (const app of apps) if (app.log) closeSync(app.log.fd);
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
