// What match() + its first ten (as query-profile.ts times it) allocate on the JS heap, per query
// and per member (full matches + near misses): the garbage a query leaves for the GC. Each query
// is run once per matcher on `--runs` fresh matchers (warmed by one other query first, so their
// scratch arrays exist), between a full GC and a reading of the heap, with the young generation
// made large enough that no GC runs inside the query (checked with v8.GCProfiler: a run with a
// GC in it is left out and counted; `--one-matcher`: one matcher for every run instead). Run with the flags the first line of its output asks for:
//   node --expose-gc --max-semi-space-size=256 --import tsx scripts/scale/query-alloc.ts --index DIR \
//     [--every 8] [--query Q …] [--runs 3] [--sites 15]
// Prints the heap bytes per query (median over runs), the members, and the least-squares slope
// of bytes over members across the queries (what one more member costs); `--sites N`: the N
// functions allocating most (V8's sampling heap profiler through the inspector, collected objects
// kept, sampling every 128 bytes), with their share of every sampled byte and bytes per member.
import { Session } from "node:inspector";
import path from "node:path";
import v8 from "node:v8";
import { cliArgs } from "../cli";
import { LiveIndex } from "@/lib/index/live-index";
import { createMatcher } from "@/lib/search/matcher";
import { loadAverage, median, shownTen } from "../eval/metrics";
import { archiveLatencyQueries } from "../eval/queries";
import { stageOf } from "./cpu-profile";
import { CONTEXTS, STAGES } from "./query-stage-rules";
import { labelOf, post, type ProfileNode } from "./heap-sampling";

const { values } = cliArgs(__filename, {
  options: {
    archive: { type: "string", default: "../shared/corpus" },
    index: { type: "string" },
    every: { type: "string", default: "8" },
    runs: { type: "string", default: "3" },
    query: { type: "string", multiple: true },
    sites: { type: "string", default: "0" },
    // One matcher for every run, as a server keeps it (its scratch and compiled code carried from
    // query to query): for a set of more queries than it keeps answers for (matcher.ts CACHE_SIZE, 64).
    "one-matcher": { type: "boolean", default: false },
  },
});

type Gc = () => void;
const gc = (globalThis as { gc?: Gc }).gc;

/**
 * Sampled bytes per allocating function (`name file:line`) and per stage of the query path (the
 * rules of query-stages.ts, over the allocation's stack), summed over the profile's tree; only
 * what a query allocates (under `match` or `shownTen`).
 */
function sitesOf(node: ProfileNode, stack: string[], sites: Map<string, number>, stages: Map<string, number>) {
  const label = labelOf(node.callFrame);
  const here = [label, ...stack];
  if (node.selfSize > 0 && here.some((l) => /^(match|shownTen) /.test(l))) {
    sites.set(label, (sites.get(label) ?? 0) + node.selfSize);
    const context = [...here].reverse().find((l) => CONTEXTS.some((r) => r.match.test(l)));
    const stage = context ? stageOf([context], CONTEXTS) : stageOf(here, STAGES);
    stages.set(stage, (stages.get(stage) ?? 0) + node.selfSize);
  }
  for (const c of node.children) sitesOf(c, here, sites, stages);
}

async function main() {
  if (!gc) throw new Error("run with node --expose-gc --max-semi-space-size=256 --import tsx (see the header)");
  const live = await LiveIndex.open({ corpusDir: path.resolve(values.archive!), indexDir: path.resolve(values.index!), reader: true, waitForWriter: false });
  const queries = values.query?.length ? values.query : archiveLatencyQueries(live.archive, Math.max(1, Number(values.every)));
  const runs = Math.max(1, Number(values.runs));
  const sites = Number(values.sites);
  const session = new Session();
  session.connect();
  if (sites > 0)
    await post(session, "HeapProfiler.startSampling", {
      samplingInterval: 128,
      includeObjectsCollectedByMajorGC: true,
      includeObjectsCollectedByMinorGC: true,
    });
  const bytes = new Map<string, number[]>();
  const members = new Map<string, number>();
  let withGc = 0;
  const one = values["one-matcher"] ? createMatcher(live.archive) : null;
  if (one && queries.length <= 64) throw new Error("--one-matcher needs more queries than the matcher keeps answers for (64)");
  for (let r = 0; r < runs + 1; r++) {
    const matcher = one ?? createMatcher(live.archive);
    // A query outside the set first: the matcher's per-segment scratch is made there, not in a measured query.
    shownTen(matcher.match("tin tức hôm nay"));
    for (const q of queries) {
      gc();
      const profiler = new v8.GCProfiler();
      profiler.start();
      const before = v8.getHeapStatistics().used_heap_size;
      const m = matcher.match(q);
      shownTen(m);
      const after = v8.getHeapStatistics().used_heap_size;
      const events = profiler.stop()?.statistics.length ?? 0;
      // Run 0 compiles the code (its allocations are the compiler's too): not counted.
      if (r === 0) continue;
      if (events > 0) {
        withGc++;
        continue;
      }
      members.set(q, m ? m.hits.length + m.nearMisses.length : 0);
      const list = bytes.get(q) ?? [];
      list.push(after - before);
      bytes.set(q, list);
    }
  }
  const rows = queries.filter((q) => bytes.has(q)).map((q) => ({ q, bytes: median(bytes.get(q)!), members: members.get(q)! }));
  rows.sort((a, b) => b.bytes - a.bytes);
  console.log(`${live.archive.segments.reduce((n, s) => n + s.rank.n, 0)} articles, ${queries.length} queries, ${runs} runs; load ${loadAverage()}`);
  console.log(`runs with a GC inside the query (left out): ${withGc}`);
  for (const r of rows.slice(0, 20))
    console.log(
      `${(r.bytes / 1024).toFixed(0).padStart(8)} KiB  ${String(r.members).padStart(6)} members  ${r.members ? (r.bytes / r.members).toFixed(0).padStart(6) : "     -"} B/member  ${JSON.stringify(r.q)}`,
    );
  const n = rows.length;
  const mx = rows.reduce((s, r) => s + r.members, 0) / n;
  const my = rows.reduce((s, r) => s + r.bytes, 0) / n;
  const slope = rows.reduce((s, r) => s + (r.members - mx) * (r.bytes - my), 0) / (rows.reduce((s, r) => s + (r.members - mx) ** 2, 0) || 1);
  const sorted = rows.map((r) => r.bytes).sort((a, b) => a - b);
  console.log(`heap bytes per query: median ${(median(sorted) / 1024).toFixed(0)} KiB, max ${(sorted[n - 1] / 1024).toFixed(0)} KiB over ${n} queries`);
  console.log(`slope over members: ${slope.toFixed(0)} bytes per member (intercept ${((my - slope * mx) / 1024).toFixed(0)} KiB per query)`);
  if (sites > 0) {
    const { profile } = await post<{ profile: { head: ProfileNode } }>(session, "HeapProfiler.stopSampling");
    const by = new Map<string, number>();
    const stages = new Map<string, number>();
    sitesOf(profile.head, [], by, stages);
    const total = [...by.values()].reduce((a, b) => a + b, 0);
    const all = rows.reduce((s, r) => s + r.members, 0) * (runs + 1);
    const line = (b: number, what: string) =>
      `${((100 * b) / total).toFixed(1).padStart(5)}%  ${(b / Math.max(1, all)).toFixed(1).padStart(7)} B/member  ${what}`;
    console.log(
      `sampled allocations under match() and its first ten (every run, run 0 and the warm-ups included; ${(total / 1048576).toFixed(1)} MiB), by stage:`,
    );
    for (const [stage, b] of [...stages].sort((a, b) => b[1] - a[1])) console.log(line(b, stage));
    console.log("by allocating function (inlined callees count as their caller):");
    for (const [site, b] of [...by].sort((a, b) => b[1] - a[1]).slice(0, sites)) console.log(line(b, site));
  }
  session.disconnect();
  await live.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
