// Two versions of the query code in one process, on one loaded index: match() + its first ten
// (as query-profile.ts times it) by this checkout's code and by another checkout's (`--base`,
// e.g. `git worktree add --detach /tmp/base COMMIT`), alternating per query which goes first,
// each timed by the process's CPU time. On a shared machine, two processes run one after the
// other see different loads; here both versions see the same moments, so their ratio is far
// steadier than two separate runs (the absolute times are still not quiet ones).
//   npx tsx scripts/scale/code-ab.ts --index DIR --base /tmp/base [--every 8] [--runs 5] [--query Q …] [--search]
// `--search`: times the whole search() (SearchEngine, the page's default query: grouped by story,
// ten hits, facets, snippets; no answer cache) instead of match() + its first ten.
// The base's lib/ is copied to a temporary directory with its `@/` imports pointed there (its
// own modules, this checkout's node_modules); the index is opened by this checkout's code, so
// both versions must read the same in-memory index (a change of the query path, not of the
// index's structures). Prints, per version, the median over runs of each run's p50 and p99
// over the queries, and the median of the per-query ratios (this / base) of their median times.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { cliArgs } from "../cli";
import { LiveIndex } from "@/lib/index/live-index";
import { SearchEngine } from "@/lib/search/engine";
import { createMatcher } from "@/lib/search/matcher";
import { EMPTY_QUERY } from "@/lib/url/search-params";
import { loadAverage, median, percentile, shownTen } from "../eval/metrics";
import { latencyQueries, liveArticles } from "../eval/queries";

const { values } = cliArgs(__filename, {
  options: {
    archive: { type: "string", default: "../shared/corpus" },
    index: { type: "string" },
    base: { type: "string" },
    every: { type: "string", default: "8" },
    runs: { type: "string", default: "5" },
    query: { type: "string", multiple: true },
    search: { type: "boolean", default: false },
  },
});

/** Every .ts file under dir. */
function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? tsFiles(file) : file.endsWith(".ts") ? [file] : [];
  });
}

/** The base checkout's lib/ in a temporary directory, its `@/` imports resolved there. */
function copyBase(base: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "code-ab-"));
  cpSync(path.join(base, "lib"), path.join(dir, "lib"), { recursive: true });
  for (const file of tsFiles(path.join(dir, "lib"))) writeFileSync(file, readFileSync(file, "utf8").replaceAll('"@/', `"${dir}/`));
  symlinkSync(path.resolve(__dirname, "../../node_modules"), path.join(dir, "node_modules"));
  return dir;
}

async function main() {
  if (!values.index || !values.base) throw new Error("--index DIR and --base DIR are required");
  const copy = copyBase(path.resolve(values.base));
  try {
    const { createMatcher: createBase } = (await import(path.join(copy, "lib/search/matcher.ts"))) as { createMatcher: typeof createMatcher };
    const { SearchEngine: BaseEngine } = (await import(path.join(copy, "lib/search/engine.ts"))) as { SearchEngine: typeof SearchEngine };
    const live = await LiveIndex.open({ corpusDir: path.resolve(values.archive!), indexDir: path.resolve(values.index), reader: true, waitForWriter: false });
    const articles = liveArticles(live.archive);
    const given = values.query ?? [];
    const queries = given.length ? given : latencyQueries(articles, Math.max(1, Number(values.every)));
    const runs = Number(values.runs);
    const cpu = () => {
      const u = process.cpuUsage();
      return (u.user + u.system) / 1000;
    };
    console.log(`${articles.length} articles, ${queries.length} queries, ${runs} runs, CPU time; load ${loadAverage()}`);
    const sides = ["base", "this"] as const;
    const engines = values.search ? { base: new BaseEngine(live.archive), this: new SearchEngine(live.archive) } : null;
    engines?.base.prepare();
    engines?.this.prepare();
    // times[side][query][run]
    const times = { base: queries.map((): number[] => []), this: queries.map((): number[] => []) };
    // Run 0 warms both up (untimed); every run starts with fresh matchers (no answer kept from the run before).
    for (let r = 0; r <= runs; r++) {
      // One query by one version: match() + its first ten, or (--search) the whole search().
      // The engines are made once (their stories and facet columns are per archive, not per query);
      // their matchers keep 64 queries, fewer than the eval set asks per run, so each run computes its
      // searches (with a few `--query`, repeated ones would be kept: time those without --search).
      const ask: Record<(typeof sides)[number], (q: string) => unknown> = values.search
        ? { base: (q) => engines!.base.search({ ...EMPTY_QUERY, q }), this: (q) => engines!.this.search({ ...EMPTY_QUERY, q }) }
        : ((matchers) => ({ base: (q) => shownTen(matchers.base.match(q)), this: (q) => shownTen(matchers.this.match(q)) }))({
            base: createBase(live.archive),
            this: createMatcher(live.archive),
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
    console.log(`per-query ratio this/base of median times: median ${median(ratios).toFixed(3)}`);
    for (const [i, q] of given.entries()) {
      console.log(`query: base ${median(times.base[i]).toFixed(2)} ms, this ${median(times.this[i]).toFixed(2)} ms (median of ${runs} runs)  ${q}`);
    }
    console.log(`load at end ${loadAverage()}`);
    await live.close();
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
