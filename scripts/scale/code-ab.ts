// Two versions of the query code in one process, on one loaded index: match() + its first ten
// (as query-profile.ts times it) by this checkout's code and by another checkout's (`--base`,
// e.g. `git worktree add --detach /tmp/base COMMIT`), alternating per query which goes first,
// each timed by the process's CPU time. On a shared machine, two processes run one after the
// other see different loads; here both versions see the same moments, so their ratio is far
// steadier than two separate runs (the absolute times are still not quiet ones).
//   npx tsx scripts/scale/code-ab.ts --index DIR --base /tmp/base [--every 8] [--runs 5] [--query Q …] [--set codes] [--search] [--order this-first]
// `--set codes`: the queries typing a code (code-queries.ts) instead of the latency set, each one's medians printed.
// `--search`: times the whole search() (SearchEngine, the query a request with the words alone computes: grouped by story,
// ten hits, facets, snippets; no answer cache) instead of match() + its first ten.
// Both versions' lib/ are copied to temporary directories, each with its `@/` imports pointed
// there (its own modules, this checkout's node_modules), and loaded the same way. The version
// loaded first reads faster: the same code timed against itself (A/A) read 7.5% faster when
// loaded first (docs/history/performance-log.md, fast13). `--order` says which is loaded first
// (`base-first`, the default, or `this-first`): run both orders and take the geometric mean of
// their ratios, as the script's last line says. The index is opened by this checkout's code
// (neither copy), so
// both versions must read the same in-memory index (a change of the query path, not of the
// index's structures). Prints, per version, the median over runs of each run's p50 and p99
// over the queries, the median of the per-query ratios (this / base) of their median times, and
// the ratio of the sums of the per-query medians (the heavy queries weighed by their cost).
// `--worst N`: also the N queries that cost this version the most time over the base's (the
// difference of their medians), with both medians: where a change loses, if anywhere.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { cliArgs } from "../cli";
import { LiveIndex } from "@/lib/index/live-index";
import type { SearchEngine } from "@/lib/search/engine";
import type { createMatcher } from "@/lib/search/matcher";
import { wordsQuery } from "@/lib/url/search-params";
import { loadAverage, median, percentile, shownTen } from "../eval/metrics";
import { archiveLatencyQueries } from "../eval/queries";
import { CODE_QUERIES } from "./code-queries";

const { values } = cliArgs(__filename, {
  options: {
    archive: { type: "string", default: "../shared/corpus" },
    index: { type: "string" },
    base: { type: "string" },
    every: { type: "string", default: "8" },
    runs: { type: "string", default: "5" },
    query: { type: "string", multiple: true },
    search: { type: "boolean", default: false },
    order: { type: "string", default: "base-first" },
    set: { type: "string", default: "eval" },
    worst: { type: "string", default: "0" },
  },
});

/** Every .ts file under dir. */
function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? tsFiles(file) : file.endsWith(".ts") ? [file] : [];
  });
}

/** A checkout's lib/ in a temporary directory, its `@/` imports resolved there. */
function copyLib(base: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "code-ab-"));
  cpSync(path.join(base, "lib"), path.join(dir, "lib"), { recursive: true });
  for (const file of tsFiles(path.join(dir, "lib"))) writeFileSync(file, readFileSync(file, "utf8").replaceAll('"@/', `"${dir}/`));
  symlinkSync(path.resolve(__dirname, "../../node_modules"), path.join(dir, "node_modules"));
  return dir;
}

async function main() {
  if (!values.index || !values.base) throw new Error("--index DIR and --base DIR are required");
  if (values.order !== "base-first" && values.order !== "this-first") throw new Error("--order is base-first or this-first");
  const copies = [copyLib(path.resolve(values.base)), copyLib(path.resolve(__dirname, "../.."))];
  try {
    const load = async (dir: string) => ({
      ...((await import(path.join(dir, "lib/search/matcher.ts"))) as { createMatcher: typeof createMatcher }),
      ...((await import(path.join(dir, "lib/search/engine.ts"))) as { SearchEngine: typeof SearchEngine }),
    });
    const [first, second] = values.order === "base-first" ? copies : [copies[1], copies[0]];
    const loaded = { first: await load(first), second: await load(second) };
    const { createMatcher: createBase, SearchEngine: BaseEngine } = values.order === "base-first" ? loaded.first : loaded.second;
    const { createMatcher: createThis, SearchEngine: ThisEngine } = values.order === "base-first" ? loaded.second : loaded.first;
    const live = await LiveIndex.open({ corpusDir: path.resolve(values.archive!), indexDir: path.resolve(values.index), reader: true, waitForWriter: false });
    // Lists small enough to read each query's medians: `--query`, `--set codes`; not the latency set.
    const given = values.query ?? (values.set === "codes" ? CODE_QUERIES : []);
    const queries = given.length ? given : archiveLatencyQueries(live.archive, Math.max(1, Number(values.every)));
    const runs = Number(values.runs);
    const cpu = () => {
      const u = process.cpuUsage();
      return (u.user + u.system) / 1000;
    };
    console.log(`${live.archive.live} articles, ${queries.length} queries, ${runs} runs, CPU time; load ${loadAverage()}`);
    const sides = ["base", "this"] as const;
    const engines = values.search ? { base: new BaseEngine(live.archive), this: new ThisEngine(live.archive) } : null;
    engines?.base.prepare();
    engines?.this.prepare();
    // The query a request with these words computes (grouped, relevance), parsed before the timing.
    const asked = new Map(queries.map((q) => [q, wordsQuery(q)]));
    // times[side][query][run]
    const times = { base: queries.map((): number[] => []), this: queries.map((): number[] => []) };
    // Run 0 warms both up (untimed); every run starts with fresh matchers (no answer kept from the run before).
    for (let r = 0; r <= runs; r++) {
      // One query by one version: match() + its first ten, or (--search) the whole search().
      // The engines are made once (their stories and facet columns are per archive, not per query);
      // their matchers keep 64 queries, fewer than the eval set asks per run, so each run computes its
      // searches (with a few `--query`, repeated ones would be kept: time those without --search).
      const ask: Record<(typeof sides)[number], (q: string) => unknown> = values.search
        ? { base: (q) => engines!.base.search(asked.get(q)!), this: (q) => engines!.this.search(asked.get(q)!) }
        : ((matchers) => ({ base: (q) => shownTen(matchers.base.match(q)), this: (q) => shownTen(matchers.this.match(q)) }))({
            base: createBase(live.archive),
            this: createThis(live.archive),
          });
      queries.forEach((q, i) => {
        for (const side of (r + i) % 2 ? sides : ([...sides].reverse() as (typeof sides)[number][])) {
          const t = cpu();
          ask[side](q);
          if (r > 0) times[side][i].push(cpu() - t);
        }
      });
    }
    for (const side of sides) {
      const p50: number[] = [];
      const p99: number[] = [];
      for (let r = 0; r < runs; r++) {
        const xs = times[side].map((t) => t[r]).sort((a, b) => a - b);
        p50.push(percentile(xs, 50));
        p99.push(percentile(xs, 99));
      }
      console.log(`${side}: p50 ${median(p50).toFixed(2)} ms, p99 ${median(p99).toFixed(2)} ms (runs' p50: ${p50.map((x) => x.toFixed(2)).join(" ")})`);
    }
    const ratios = queries.map((_, i) => median(times.this[i]) / median(times.base[i]));
    console.log(`per-query ratio this/base of median times: median ${median(ratios).toFixed(3)} (${values.order}: combine with the other order's)`);
    // The median query says little of the heavy ones, which a server's throughput follows: the sums weigh each query by its cost.
    const sum = (side: (typeof sides)[number]) => times[side].reduce((acc, t) => acc + median(t), 0);
    console.log(
      `sum of the per-query medians: base ${sum("base").toFixed(1)} ms, this ${sum("this").toFixed(1)} ms, ratio ${(sum("this") / sum("base")).toFixed(3)}`,
    );
    const lost = queries.map((_, i) => i).sort((a, b) => median(times.base[a]) - median(times.this[a]) - (median(times.base[b]) - median(times.this[b])));
    for (const i of lost.slice(0, Number(values.worst))) {
      console.log(`worst: base ${median(times.base[i]).toFixed(2)} ms, this ${median(times.this[i]).toFixed(2)} ms  ${queries[i]}`);
    }
    for (const [i, q] of given.entries()) {
      console.log(`query: base ${median(times.base[i]).toFixed(2)} ms, this ${median(times.this[i]).toFixed(2)} ms (median of ${runs} runs)  ${q}`);
    }
    console.log(`load at end ${loadAverage()}`);
    await live.close();
  } finally {
    for (const copy of copies) rmSync(copy, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
