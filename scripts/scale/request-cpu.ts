// Server CPU time per request, by kind of request, on the built app (one server process):
// a figure a busy machine moves much less than wall time, since other jobs' CPU is not ours.
// After `npm run build`:
//   npx tsx scripts/scale/request-cpu.ts --index DIR [--corpus ../shared/corpus] [--port 3203] [--rounds 20] [--runs 3]
//     [--cache on|off] [--kinds api,page10,page1,bad,missing,person,browse,browse-person] [--app-b DIR] [--cpu-prof DIR] [--queries request|eval]
// Each kind's URLs are asked twice untimed (the second time answered from the result cache),
// then --rounds times each (--cache off: SEARCH_CACHE_MB=0, every search computed each time);
// the server process's user+system CPU (from /proc) over those requests, divided by their
// number, is the kind's CPU per request (median of --runs runs, kinds interleaved); the wall
// time's median is printed beside it. Kinds: the API, the results page with 10 hits and with
// 1, a bad link's page (layout and search box, no results component), a missing page
// (Next.js's floor with the layout), and (not by default) `person`: the page of each query's
// first person in the person facet (found once through app A's API; a query without people is
// left out of that kind), which a reader opens from the facet; `browse` (not by default): the
// home page `/`, and `browse-person`: `/?person=…` of the same people, pages without words,
// whose answers are kept whatever --cache says (the word-less answers' own cache), so these
// time the page around a kept answer.
// `--app-b DIR`: another built checkout (e.g. `git worktree add` of main, `npm run build` there)
// served on --port + 1 beside this one, on the same index, the two asked in turn (A B, then
// B A, …) in the same run: an A/B of two builds on one machine state. It prints B against A run
// by run (paired-runs.ts). B read 0.4–0.6 ms per page lower whichever build it was (2026-11-27,
// docs/history/performance-log.md, page18b): run both orders and halve the difference.
// `--index-b DIR`: app B (this build, or --app-b's) serves this other saved index of the same
// corpus (another layout of it, say) instead of --index: an A/B of two indexes.
// `--cpu-prof DIR`: each server process writes its CPU profile there when it stops.
// `--queries`: the ten REQUEST_QUERIES (default), or the eval queries `bench.ts --parts load`
// sends (every --eval-every-th: 250 at 8). With the ten, the matcher keeps each one's match
// (lib/search/matcher.ts CACHE_SIZE), so even `--cache off` times a search after its `match()`
// (docs/history/performance-log.md, http16); with the 250 each request is matched again, as under load.
import os from "node:os";
import path from "node:path";
import { cliArgs } from "../cli";
import { median } from "../eval/metrics";
import { healthOfEach, processCpuMs as cpuMs, startApp, stopApp, waitAllReady } from "../app-server";
import { pairedRuns } from "./paired-runs";
import { loadQueries, REQUEST_QUERIES } from "./request-queries";
import { personHref } from "@/lib/people-page/links";

const { values } = cliArgs(__filename, {
  options: {
    index: { type: "string" },
    corpus: { type: "string", default: "../shared/corpus" },
    port: { type: "string", default: "3203" },
    rounds: { type: "string", default: "20" },
    runs: { type: "string", default: "3" },
    cache: { type: "string", default: "on" },
    kinds: { type: "string", default: "api,page10,page1,bad,missing" },
    "app-b": { type: "string" },
    "index-b": { type: "string" },
    "cpu-prof": { type: "string" },
    queries: { type: "string", default: "request" },
    "eval-every": { type: "string", default: "8" },
  },
});

/** The first person of each query's person facet (the `person` kind's pages). */
const personOf = new Map<string, string>();

const ALL_KINDS: [string, string, (q: string) => string | null][] = [
  ["api", "GET /api/search?q=…", (q) => `/api/search?q=${encodeURIComponent(q)}`],
  ["page10", "GET /?q=… (10 hits)", (q) => `/?q=${encodeURIComponent(q)}`],
  ["page1", "GET /?q=…&size=1 (1 hit)", (q) => `/?q=${encodeURIComponent(q)}&size=1`],
  ["bad", "GET /?q=…&from=bad (400 page: layout, search box)", (q) => `/?q=${encodeURIComponent(q)}&from=2017-02-30`],
  ["missing", "GET /missing/… (404 page)", (q) => `/khong-co/${encodeURIComponent(q)}`],
  ["person", "GET /people/… (the query's first person)", (q) => (personOf.has(q) ? personHref(personOf.get(q)!) : null)],
  ["browse", "GET / (home page: browse, no words)", () => "/"],
  ["browse-person", "GET /?person=… (browse the query's first person, no words)", (q) => (personOf.has(q) ? `/?person=${personOf.get(q)!}` : null)],
];
const wanted = new Set(values.kinds!.split(","));
const KINDS = ALL_KINDS.filter(([name]) => wanted.has(name)).map(([, kind, url]) => [kind, url] as const);
const cached = values.cache !== "off";

async function main() {
  if (!values.index) throw new Error("--index DIR: a saved index of the corpus");
  const QUERIES =
    values.queries === "eval" ? await loadQueries(path.resolve(values.corpus!), path.resolve(values.index), Number(values["eval-every"])) : REQUEST_QUERIES;
  const env: Record<string, string> = { CORPUS_DIR: path.resolve(values.corpus!), INDEX_DIR: path.resolve(values.index), LOG_LEVEL: "error", WATCH_MS: "0" };
  if (!cached) env.SEARCH_CACHE_MB = "0";
  if (values["cpu-prof"]) env.TIMTIN_CPU_PROF_DIR = path.resolve(values["cpu-prof"]);
  const indexB = values["index-b"] ? path.resolve(values["index-b"]) : null;
  const hasB = values["app-b"] !== undefined || indexB !== null;
  const apps = [
    { name: "A", dir: ".", env },
    ...(hasB ? [{ name: "B", dir: values["app-b"] ?? ".", env: indexB ? { ...env, INDEX_DIR: indexB } : env }] : []),
  ].map((app, i) => {
    const port = Number(values.port) + i;
    return { ...app, base: `http://127.0.0.1:${port}`, server: startApp(port, 1, app.env, undefined, app.dir), pid: 0 };
  });
  const load = () =>
    os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(", ");
  console.log(`machine: ${os.cpus()[0]?.model ?? "?"} × ${os.cpus().length}, node ${process.version}; load average at start: ${load()}`);
  for (const app of apps) console.log(`${app.name}: ${path.resolve(app.dir)}, index ${app.env.INDEX_DIR}`);
  try {
    for (const app of apps) {
      await waitAllReady(app.base, 1, app.server);
      const [h] = await healthOfEach(app.base, 1);
      app.pid = (h as { worker: { pid: number } }).worker.pid;
    }
    const ask = async (url: string) => (await fetch(url)).arrayBuffer();
    if (wanted.has("person") || wanted.has("browse-person"))
      for (const q of QUERIES) {
        const answer = (await (await fetch(`${apps[0].base}/api/search?q=${encodeURIComponent(q)}`)).json()) as { facets: { persons: { id: string }[] } };
        if (answer.facets.persons.length) personOf.set(q, answer.facets.persons[0].id);
      }
    for (const app of apps)
      for (const [, url] of KINDS)
        for (let i = 0; i < 2; i++)
          for (const q of QUERIES) {
            const u = url(q);
            if (u !== null) await ask(app.base + u);
          }
    const cpu = new Map<string, number[]>();
    const wall = new Map<string, number[]>();
    const bytes = new Map<string, number>();
    for (let run = 0; run < Number(values.runs); run++) {
      for (const [kind, url] of KINDS) {
        // In turn: A B in even runs, B A in odd ones.
        for (const app of run % 2 ? [...apps].reverse() : apps) {
          const times: number[] = [];
          const before = cpuMs(app.pid);
          for (let r = 0; r < Number(values.rounds); r++) {
            for (const q of QUERIES) {
              const u = url(q);
              if (u === null) continue;
              const t = performance.now();
              const body = await ask(app.base + u);
              times.push(performance.now() - t);
              if (!bytes.has(`${app.name} ${kind}`)) bytes.set(`${app.name} ${kind}`, body.byteLength);
            }
          }
          const key = `${app.name} ${kind}`;
          cpu.set(key, [...(cpu.get(key) ?? []), (cpuMs(app.pid) - before) / times.length]);
          wall.set(key, [...(wall.get(key) ?? []), median(times)]);
        }
      }
    }
    const how = cached ? "each answered from the result cache" : "result cache off (SEARCH_CACHE_MB=0): each search computed";
    console.log(`${QUERIES.length} queries (${values.queries}) × ${values.rounds} rounds × ${values.runs} runs, ${how}; median of the runs`);
    console.log("| request | build | server CPU per request (each run) | wall p50 | bytes (first query) |");
    console.log("|---|---|---|---|---|");
    for (const [kind] of KINDS)
      for (const app of apps) {
        const key = `${app.name} ${kind}`;
        const runs = cpu
          .get(key)!
          .map((x) => x.toFixed(1))
          .join(", ");
        console.log(
          `| ${kind} | ${app.name} | ${median(cpu.get(key)!).toFixed(2)} ms (${runs}) | ${median(wall.get(key)!).toFixed(1)} ms | ${bytes.get(key)} |`,
        );
      }
    if (apps.length === 2)
      for (const [kind] of KINDS) {
        const p = pairedRuns(cpu.get(`A ${kind}`)!, cpu.get(`B ${kind}`)!);
        console.log(
          `${kind}, B against A run by run: B lower in ${p.lower} of ${p.lower + p.higher + p.equal} (${p.higher} higher, ${p.equal} equal), ` +
            `paired median ${p.medianDiff.toFixed(2)} ms, mean ${p.meanDiff.toFixed(2)} ms, totals B/A ${p.ratio.toFixed(3)}`,
        );
      }
    console.log(`load average at end: ${load()}`);
  } finally {
    for (const app of apps) await stopApp(app.server);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
