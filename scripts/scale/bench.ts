// Scale benchmark: build, size on disk, restart, memory and latency of the saved index on
// one archive, with FlexSearch (the fastest peer in ../shared/BENCHMARKS.md) on the same
// articles and queries in the same run. Run after `npm run build`:
//   npx tsx scripts/scale/bench.ts --archive /tmp/archive-100k [--runs 3] [--port 3400] [--workers 1]
// The server starts as `npm start` does (scripts/start.mjs) with --workers processes; ready =
// every process answers "ok"; RSS per process and of all of them, from /proc.
// (archives come from scripts/scale/generate.ts; ../shared/corpus is the 35k corpus).
// `--parts` picks what runs (default `restart,inprocess`):
//   restart    restarts of the built server: ready time, RSS, HTTP p50 over the 60-query mix
//   inprocess  the 60-query mix in process, beside FlexSearch
//   eval       `npm run eval`'s latency queries (exact, stripped, tone, toneExact, typo; 400
//              each, seed 42, from the index's own cleaned articles), in process: match()
//              as eval times it, and the whole search() (facets, page, snippets), beside
//              FlexSearch on the same articles in the same run; median of --runs runs
//              (--eval-every k: every k-th query only)
//   http       the built server, one request at a time: /api/search, then the results
//              page /?q=, over --http-queries of the eval queries (distinct URLs)
//   load       autocannon, --connections (50) for --duration (60 s), on /api/search over
//              the eval queries (no If-None-Match: no 304); with the CPU time of each server
//              process and of autocannon's client over the run (cores busy, CPU per request)
// `--cache off,on` (default both): the server's result cache (lib/search/result-cache.ts) for
// the http and load parts. off = SEARCH_CACHE_MB=0, every request computed (cold); on = the
// default cache: http times each URL's second request (warm), and load's URLs repeat once the
// eval queries are used up, so most of its requests are answered from the cache.
// `--index DIR` reuses a saved index instead of building one, over the archive it was built from
// (its meta.json; another `--archive` is refused, as the server would replace the index).
// `--peer off` leaves FlexSearch out of the inprocess and eval parts: at 200k and more, its
// index of every article's text in this process costs gigabytes of heap and minutes.
// `--trace FILE` (load): every request's path, status and latency as JSON lines in FILE, the
// slowest and the unanswered (autocannon's timeouts) printed with their queries, and the
// servers' log (slow queries with their computing time) in FILE.log.
import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, createReadStream, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { cliArgs } from "../cli";
import { createGunzip } from "node:zlib";
import type { Article } from "@/lib/corpus/types";
import { LiveIndex } from "@/lib/index/live-index";
import { SearchEngine } from "@/lib/search/engine";
import { EMPTY_QUERY } from "@/lib/url/search-params";
import autocannon from "autocannon";
import { createMatcher } from "@/lib/search/matcher";
import { flexSearchVi } from "../eval/peers";
import { median, percentile } from "../eval/metrics";
import { latencyQueries, mulberry32 } from "../eval/queries";
import { healthOfEach, processRss, serverCpuMs, startApp, stopApp, waitAllReady } from "../app-server";
import { NATURAL_QUERIES } from "./natural-queries";
import { benchArchive } from "./bench-archive";

const { values } = cliArgs(__filename, {
  options: {
    archive: { type: "string" },
    runs: { type: "string", default: "3" },
    port: { type: "string", default: "3400" },
    index: { type: "string" },
    workers: { type: "string", default: "1" },
    parts: { type: "string", default: "restart,inprocess" },
    "http-queries": { type: "string", default: "200" },
    "eval-every": { type: "string", default: "1" },
    connections: { type: "string", default: "50" },
    duration: { type: "string", default: "60" },
    cache: { type: "string", default: "off,on" },
    peer: { type: "string", default: "on" },
    trace: { type: "string" },
  },
});
const parts = new Set(values.parts!.split(","));
// The saved index's own archive unless --archive says otherwise (never another: the server would replace the index).
const archive = benchArchive(values.archive, values.index && path.resolve(values.index));
const runs = Number(values.runs);
const port = Number(values.port);
const base = `http://127.0.0.1:${port}`;
const workers = Number(values.workers);
const withPeer = values.peer !== "off";
const cacheModes = values.cache!.split(",").filter((m): m is "off" | "on" => m === "off" || m === "on");
/** The server's environment for a result-cache mode. */
const cacheEnv = (mode: "off" | "on"): Record<string, string> => (mode === "off" ? { SEARCH_CACHE_MB: "0" } : {});

/**
 * The archive's articles as FlexSearch indexes them; `titlesOnly` keeps only their titles (what
 * the query mix needs): the restart part holds no text, since 100k articles' text held here
 * twice over (this list and the saved index's articles) exceeded V8's default heap limit and
 * aborted this process in garbage collection.
 */
async function readArticles(titlesOnly = false): Promise<Article[]> {
  const out: Article[] = [];
  for (const f of readdirSync(archive)
    .filter((f) => /\.jsonl(\.gz)?$/.test(f))
    .sort()) {
    let input: NodeJS.ReadableStream = createReadStream(path.join(archive, f));
    if (f.endsWith(".gz")) input = input.pipe(createGunzip());
    for await (const line of createInterface({ input, crlfDelay: Infinity })) {
      if (!line.trim()) continue;
      const r = JSON.parse(line) as { id: string | number; title?: string; body: string };
      const paragraphs = titlesOnly ? [] : r.body.split("\n");
      out.push({ id: String(r.id), title: r.title ?? "", paragraphs, captions: [] } as unknown as Article);
    }
  }
  return out;
}

function queryMix(articles: Article[]): string[] {
  const rand = mulberry32(11);
  const known: string[] = [];
  // A tiny archive (the seeds: a floor for restart and memory) may have too few titles.
  for (let tries = 0; known.length < 50 && articles.length && tries < 10_000; tries++) {
    const words = articles[Math.floor(rand() * articles.length)].title.split(/\s+/).filter(Boolean);
    if (words.length < 4) continue;
    const at = Math.floor(rand() * (words.length - 3));
    known.push(words.slice(at, at + 3).join(" "));
  }
  return [...known, ...NATURAL_QUERIES];
}

function timeEach(queries: string[], run: (q: string) => unknown): number[] {
  for (const q of queries) run(q); // warm-up
  return queries.map((q) => {
    const t = performance.now();
    run(q);
    return performance.now() - t;
  });
}

/**
 * Where each server process's start went, from its "startup" and "index ready" log lines:
 * the process's age when the index began to open, then opening, prepare's steps and the
 * warm-up (lib/search/service.ts).
 */
function startLines(logFile: string): string[] {
  const out: string[] = [];
  for (const line of readFileSync(logFile, "utf8").split("\n")) {
    let e: Record<string, unknown>;
    try {
      e = JSON.parse(line);
    } catch {
      continue;
    }
    const p = e.prepare as { storiesMs: number; storiesSaved: boolean; pairFiltersMs: number; restMs: number } | undefined;
    const w = e.warmUp as { queries: number; ms: number } | undefined;
    if (e.event === "startup") out.push(`pid ${e.pid}: Node and Next.js up after ${e.uptimeMs} ms (CPU ${e.cpuMs} ms)`);
    if (e.event === "indexed" && p && w)
      out.push(
        `pid ${e.pid} (${e.role}): ready at ${e.uptimeMs} ms of its life (CPU ${e.cpuMs} ms): open ${e.openMs} ms, prepare ${e.prepareMs} ms (stories ${p.storiesMs} ms ${p.storiesSaved ? "adopted" : "grouped"}, pair filters ${p.pairFiltersMs} ms, rest ${p.restMs} ms), warm-up ${w.queries} searches ${w.ms} ms`,
      );
  }
  return out;
}

async function serve(indexDir: string, queries: string[]) {
  const started = performance.now();
  const logFile = path.join(mkdtempSync(path.join(os.tmpdir(), "timtin-bench-log-")), "server.log");
  const logFd = openSync(logFile, "w");
  const server = startApp(port, workers, { CORPUS_DIR: archive, INDEX_DIR: indexDir, LOG_LEVEL: "info" }, logFd);
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
    return {
      readyMs,
      rssMiB: readyRss.perWorkerMiB,
      afterMiB: Math.max(...after.perWorkerMiB),
      totalMiB: after.totalMiB,
      httpP50: median(times),
      starts: startLines(logFile),
    };
  } finally {
    await stopApp(server);
    closeSync(logFd);
    rmSync(path.dirname(logFile), { recursive: true, force: true });
  }
}

/**
 * The cleaned articles of a saved index (what the server searches), from its document store.
 * `titlesOnly`: only what the eval queries are drawn from (id, title, whether it is derived),
 * for the http and load parts: a 200k archive's whole articles (about 10 KB of text each) held
 * at once would need gigabytes of heap in this process.
 */
function indexedArticles(live: LiveIndex, titlesOnly: boolean): Article[] {
  const out: Article[] = [];
  for (const seg of live.archive.segments)
    for (let d = 0; d < seg.rank.n; d++) {
      if (seg.rank.deleted?.[d]) continue;
      const a = seg.store.get(d);
      out.push(titlesOnly ? ({ id: a.id, title: a.title, titleDerived: a.titleDerived } as Article) : a);
    }
  return out;
}

/** p50 and p99 of each run, then the median of each over the runs. */
function percentiles(runs: number[][]): { p50: number; p99: number } {
  const sorted = runs.map((r) => [...r].sort((a, b) => a - b));
  return { p50: median(sorted.map((r) => percentile(r, 50))), p99: median(sorted.map((r) => percentile(r, 99))) };
}

function timeRun(queries: string[], run: (q: string) => unknown): number[] {
  return queries.map((q) => {
    const t = performance.now();
    run(q);
    return performance.now() - t;
  });
}

/** The built server on the saved index (as `npm start` runs it), until `body` is done. */
async function withServer<T>(indexDir: string, body: (server: ChildProcess) => Promise<T>, env: Record<string, string> = {}, stdout?: number): Promise<T> {
  const server = startApp(port, workers, { CORPUS_DIR: archive, INDEX_DIR: indexDir, LOG_LEVEL: "warn", WATCH_MS: "0", ...env }, stdout);
  try {
    await waitAllReady(base, workers, server);
    return await body(server);
  } finally {
    await stopApp(server);
  }
}

/**
 * One request at a time; the first `warm` are not timed. `repeat`: each URL is asked once
 * untimed just before its timed request (the second request of a URL: a warm cache).
 */
async function timeHttp(urls: string[], warm = 20, repeat = false): Promise<number[]> {
  for (const u of urls.slice(0, warm)) await (await fetch(u)).text();
  const times: number[] = [];
  for (const u of urls) {
    if (repeat) await (await fetch(u)).text();
    const t = performance.now();
    const r = await fetch(u);
    await r.text();
    if (!r.ok) throw new Error(`${u}: ${r.status}`);
    times.push(performance.now() - t);
  }
  return times;
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
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  console.log(`machine: ${cpu} × ${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`);
  console.log(
    `load average at start: ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(", ")}`,
  );
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const ms = (x: number) => `${x.toFixed(2)} ms`;

  // The restarts run first, while this process holds no index and no articles: the servers
  // are measured alone, and this process stays small (see readArticles).
  const served: Awaited<ReturnType<typeof serve>>[] = [];
  if (parts.has("restart")) {
    const queries = queryMix(await readArticles(true));
    for (let i = 0; i < runs; i++) {
      served.push(await serve(indexDir, queries));
      const x = served[served.length - 1];
      console.log(
        `  restart ${i + 1}: ready ${s(x.readyMs)}, RSS when ready ${x.rssMiB.join(" / ")} MiB, after the queries ${x.afterMiB} MiB (all ${x.totalMiB} MiB); load average ${os
          .loadavg()
          .map((v) => v.toFixed(1))
          .join(", ")}`,
      );
      for (const line of x.starts) console.log(`    ${line}`);
    }
  }

  const t = performance.now();
  const live = await LiveIndex.open({ corpusDir: archive, indexDir });
  const loadMs = performance.now() - t;
  console.log(`archive: ${archive} (${live.archive.live} articles); in-process load of the saved index: ${s(loadMs)}`);
  const needEval = parts.has("eval") || parts.has("http") || parts.has("load");
  // --eval-every k times every k-th eval query only (a loaded machine); 1 = all of them.
  const every = Math.max(1, Number(values["eval-every"]));
  // The saved index's articles: only the eval parts need them (FlexSearch indexes the same ones).
  let indexed: Article[] | null = needEval ? indexedArticles(live, !(parts.has("eval") && withPeer)) : null;
  const evalQs = indexed ? latencyQueries(indexed, every) : [];
  if (!parts.has("eval")) indexed = null;

  if (parts.has("inprocess") || parts.has("restart")) {
    let ours: number[] = [];
    let theirs: number[] = [];
    let flexBuildMs = NaN;
    if (parts.has("inprocess")) {
      const articles = await readArticles(!withPeer);
      const queries = queryMix(articles);
      const engine = new SearchEngine(live.archive);
      engine.prepare(); // as the server does before it says it is ready
      ours = timeEach(queries, (q) => engine.search({ ...EMPTY_QUERY, q })).sort((a, b) => a - b);
      if (withPeer) {
        const tf = performance.now();
        const flex = flexSearchVi(articles);
        flexBuildMs = performance.now() - tf;
        theirs = timeEach(queries, flex).sort((a, b) => a - b);
      }
    }
    const pct = (xs: number[], p: number) => (xs.length ? `${percentile(xs, p).toFixed(1)} ms` : "—");
    console.log(`\n60-query mix (50 title windows, 10 natural queries); restart figures median of ${runs} runs`);
    console.log(`server processes: ${workers}; RSS = the largest server process (after the queries: largest, and all processes with the primary)`);
    console.log("| engine | build | index on disk | ready after restart | RSS when ready | RSS after queries (all) | in-process p50 | p99 | HTTP p50 |");
    console.log("|---|---|---|---|---|---|---|---|---|");
    const r = (f: (x: (typeof served)[number]) => number, unit: (x: number) => string) => (served.length ? unit(median(served.map(f))) : "—");
    console.log(
      `| Tìm tin | ${Number.isNaN(buildMs) ? "—" : s(buildMs)} | ${diskMiB.toFixed(0)} MiB | ${r((x) => x.readyMs, s)} | ${r(
        (x) => Math.max(...x.rssMiB),
        (x) => `${x} MiB`,
      )} | ${r(
        (x) => x.afterMiB,
        (x) => `${x} MiB`,
      )} (${r(
        (x) => x.totalMiB,
        (x) => `${x} MiB`,
      )}) | ${pct(ours, 50)} | ${pct(ours, 99)} | ${r(
        (x) => x.httpP50,
        (x) => `${x.toFixed(1)} ms`,
      )} |`,
    );
    if (theirs.length) console.log(`| FlexSearch + vi folding | ${s(flexBuildMs)} | (in memory) | — | — | — | ${pct(theirs, 50)} | ${pct(theirs, 99)} | — |`);
  }

  if (parts.has("eval")) {
    const engine = new SearchEngine(live.archive);
    engine.prepare(); // as the server does before it says it is ready
    // A matcher of its own: the engine's would answer match() from the search() runs' cache.
    const matcher = createMatcher(live.archive);
    const flex = withPeer ? flexSearchVi(indexed!) : null;
    indexed = null;
    const match: number[][] = [];
    const search: number[][] = [];
    const peer: number[][] = [];
    for (let i = 0; i < runs; i++) {
      match.push(timeRun(evalQs, (q) => matcher.match(q)?.top(10)));
      search.push(timeRun(evalQs, (q) => engine.search({ ...EMPTY_QUERY, q, sort: "relevance" })));
      if (flex) peer.push(timeRun(evalQs, flex));
    }
    console.log(`\nin process, npm run eval's ${evalQs.length} latency queries × ${runs} runs (median of each run's percentile)`);
    console.log("| engine | p50 | p99 |");
    console.log("|---|---|---|");
    for (const [name, xs] of [
      ["Tìm tin match() + top 10 (as npm run eval times it)", match],
      ["Tìm tin search() (match, filters, facets, page of 10, snippets)", search],
      ["FlexSearch + vi folding (top 10 ids)", peer],
    ] as const) {
      if (!xs.length) continue;
      const p = percentiles(xs as number[][]);
      console.log(`| ${name} | ${ms(p.p50)} | ${ms(p.p99)} |`);
    }
  }
  await live.close();

  const sample = evalQs.filter((_, i) => i % Math.max(1, Math.floor(evalQs.length / Number(values["http-queries"]))) === 0);
  if (parts.has("http")) {
    for (const mode of cacheModes) {
      const api: number[][] = [];
      const pages: number[][] = [];
      await withServer(
        indexDir,
        async () => {
          for (let i = 0; i < runs; i++) {
            api.push(
              await timeHttp(
                sample.map((q) => `${base}/api/search?q=${encodeURIComponent(q)}`),
                20,
                mode === "on",
              ),
            );
            pages.push(
              await timeHttp(
                sample.map((q) => `${base}/?q=${encodeURIComponent(q)}`),
                20,
                mode === "on",
              ),
            );
          }
        },
        cacheEnv(mode),
      );
      const a = percentiles(api);
      const p = percentiles(pages);
      const how = mode === "off" ? "result cache off (SEARCH_CACHE_MB=0): every request computed" : "result cache on: each URL's second request";
      console.log(`\nHTTP, one request at a time, ${sample.length} eval queries × ${runs} runs (median of each run's percentile); ${how}`);
      console.log("| request | p50 | p99 |");
      console.log("|---|---|---|");
      console.log(`| GET /api/search?q=… | ${ms(a.p50)} | ${ms(a.p99)} |`);
      console.log(`| GET /?q=… (results page HTML) | ${ms(p.p50)} | ${ms(p.p99)} |`);
    }
  }

  if (parts.has("load")) {
    const connections = Number(values.connections);
    const duration = Number(values.duration);
    for (const mode of cacheModes) {
      const traceFile = values.trace ? `${values.trace}${cacheModes.length > 1 ? `.${mode}` : ""}` : null;
      const log = traceFile ? openSync(`${traceFile}.log`, "w") : undefined;
      // Each request's path and start, by a number autocannon carries in the connection's context.
      const sent = new Map<number, { path: string; at: number }>();
      const answered: { path: string; at: number; ms: number; status: number }[] = [];
      let started = 0;
      let finished = 0;
      const loops: string[] = [];
      // CPU time over the run: each server process's, and this process's (autocannon's client).
      const cpu: { servers: number[]; client: number; wallMs: number } = { servers: [], client: 0, wallMs: 0 };
      const result = await withServer(
        indexDir,
        async (server) => {
          let i = 0;
          // The processes' event-loop, GC and queue figures from here on (lib/http/loop-monitor.ts).
          await healthOfEach(base, workers, "?reset=1");
          const serversBefore = serverCpuMs(server.pid!);
          const clientBefore = process.cpuUsage();
          started = performance.now();
          const result = await autocannon({
            url: base,
            connections,
            duration,
            requests: [
              {
                setupRequest: (req, context) => {
                  const path = `/api/search?q=${encodeURIComponent(evalQs[i % evalQs.length])}`;
                  if (traceFile) {
                    sent.set(i, { path, at: performance.now() });
                    (context as { id?: number }).id = i;
                  }
                  i++;
                  return { ...req, path };
                },
                onResponse: (status, _body, context) => {
                  const id = (context as { id?: number }).id;
                  const req = id === undefined ? undefined : sent.get(id);
                  if (!req) return;
                  sent.delete(id!);
                  answered.push({ ...req, at: req.at - started, ms: performance.now() - req.at, status });
                },
              },
            ],
          });
          finished = performance.now();
          const clientUsed = process.cpuUsage(clientBefore);
          cpu.client = (clientUsed.user + clientUsed.system) / 1000;
          cpu.servers = [...serverCpuMs(server.pid!)].map(([pid, ms]) => ms - (serversBefore.get(pid) ?? ms));
          cpu.wallMs = finished - started;
          for (const h of await healthOfEach(base, workers)) {
            const { worker, loop, searches, answers } = h as { worker: { pid: number; role: string }; loop: unknown; searches: unknown; answers: unknown };
            loops.push(`pid ${worker.pid} (${worker.role}): ${JSON.stringify({ searches, answers, ...(loop as object) })}`);
          }
          return result;
        },
        cacheEnv(mode),
        log,
      );
      if (traceFile) {
        writeFileSync(traceFile, answered.map((r) => JSON.stringify(r)).join("\n") + "\n");
        const slowest = [...answered].sort((a, b) => b.ms - a.ms).slice(0, 10);
        console.log(`\ntrace (${traceFile}): ${answered.length} answered; slowest:`);
        for (const r of slowest) console.log(`  ${r.ms.toFixed(0)} ms at ${(r.at / 1000).toFixed(1)} s, ${r.status} ${decodeURIComponent(r.path)}`);
        // Still unanswered when the run ended: those older than autocannon's 10 s are its timeouts.
        const lost = [...sent.values()].filter((r) => finished - r.at > 10_000);
        console.log(`unanswered after 10 s: ${lost.length}`);
        for (const r of lost) console.log(`  sent at ${((r.at - started) / 1000).toFixed(1)} s: ${decodeURIComponent(r.path)}`);
        closeSync(log!);
      }
      const how =
        mode === "off"
          ? "result cache off: every request computed"
          : `result cache on: the ${evalQs.length} eval queries repeat, so all but the first of each are answered from the cache`;
      console.log(`\nautocannon: ${connections} connections for ${duration} s on /api/search (eval queries); ${how}`);
      console.log(
        `requests ${result.requests.total} (${result.requests.average.toFixed(0)} req/s), non-2xx ${result.non2xx}, errors ${result.errors}, timeouts ${result.timeouts}; latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms; load average ${os
          .loadavg()
          .map((x) => x.toFixed(1))
          .join(", ")}`,
      );
      const serverMs = cpu.servers.reduce((n, x) => n + x, 0);
      const cores = (ms: number) => (ms / cpu.wallMs).toFixed(2);
      console.log(
        `CPU over the run: server processes ${cpu.servers.map((ms) => `${cores(ms)}`).join(" + ")} cores busy (${(serverMs / Math.max(1, result.requests.total)).toFixed(2)} ms per request), this process (autocannon) ${cores(cpu.client)}, of ${os.cpus().length} cores`,
      );
      console.log("per process during the load (event-loop delay, GC, searches' queue wait and run; /api/health loop):");
      for (const line of loops) console.log(`  ${line}`);
    }
  }
  console.log(
    `load average at end: ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(", ")}`,
  );
  if (!values.index) rmSync(indexDir, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
