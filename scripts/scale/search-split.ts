// Where search()'s time goes beyond match(), per query (issue #10: search() costs about twice
// match()). For each of npm run eval's latency queries (as query-profile.ts picks them), on a
// saved index, in process, by CPU time:
//   cold       search() as a request computes it (`wordsQuery`: relevance, grouped by story)
//   kept       the same search() again at once: the matcher keeps the query's match, so this is
//              everything after match() (facets, the page's selection and stories, the hits)
//   no snippet kept, with each hit's snippet left out (document store read, title marked)
//   no hits    kept, with the page's hits not built at all (no document store read)
// The document store's cache of parsed articles is emptied before each ask, so every ask reads
// the articles it shows as a request would. The three "kept" asks alternate their order per run.
// Differences: kept − no snippet = the snippets; no snippet − no hits = the document store and
// the titles; no hits = facets, the month histogram, paging, grouping.
//   npx tsx scripts/scale/search-split.ts --index DIR [--archive DIR] [--every 8] [--runs 5] [--group off]
// The hits are left out by replacing the engine's private `hit`/`snippet` methods on this one
// instance: a measuring device only.
import path from "node:path";
import { cliArgs } from "../cli";
import { LiveIndex } from "@/lib/index/live-index";
import { SearchEngine } from "@/lib/search/engine";
import { wordsQuery } from "@/lib/url/search-params";
import { loadAverage, median } from "../eval/metrics";
import { archiveLatencyQueries } from "../eval/queries";
import { EVAL_OPTIONS } from "./request-queries";

const { values } = cliArgs(__filename, {
  options: {
    ...EVAL_OPTIONS,
    group: { type: "string", default: "on" },
  },
});

const KEPT = ["kept", "no snippet", "no hits"] as const;

async function main() {
  if (!values.index) throw new Error("--index DIR: a saved index of the corpus");
  const live = await LiveIndex.open({ corpusDir: path.resolve(values.archive!), indexDir: path.resolve(values.index), reader: true, waitForWriter: false });
  const queries = archiveLatencyQueries(live.archive, Math.max(1, Number(values.every)));
  const asked = queries.map((q) => ({ ...wordsQuery(q), group: values.group !== "off" }));
  const engine = new SearchEngine(live.archive);
  engine.prepare();
  const parts = engine as unknown as { hit: (...a: unknown[]) => unknown; snippet: (...a: unknown[]) => unknown };
  const hit = parts.hit;
  const snippet = parts.snippet;
  const setUp: Record<(typeof KEPT)[number] | "cold", () => void> = {
    cold: () => ((parts.hit = hit), (parts.snippet = snippet)),
    kept: () => ((parts.hit = hit), (parts.snippet = snippet)),
    "no snippet": () => ((parts.hit = hit), (parts.snippet = () => [])),
    "no hits": () => (parts.hit = () => ({})),
  };
  const emptyStores = () => {
    for (const seg of live.archive.segments) (seg.store as unknown as { articles?: Map<number, unknown> }).articles?.clear();
  };
  const cpuMs = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  console.log(`${live.archive.live} articles, ${queries.length} queries, grouped ${values.group !== "off"}, CPU time; load ${loadAverage()}`);
  const perRun: Record<string, number[]> = { cold: [], ...Object.fromEntries(KEPT.map((k) => [k, []])) };
  for (let r = 0; r < Number(values.runs); r++) {
    const sum: Record<string, number> = Object.fromEntries(Object.keys(perRun).map((k) => [k, 0]));
    const order = r % 2 ? [...KEPT].reverse() : KEPT;
    for (const query of asked) {
      setUp.cold();
      emptyStores();
      let t = cpuMs();
      engine.search(query);
      sum.cold += cpuMs() - t;
      for (const kind of order) {
        setUp[kind]();
        emptyStores();
        t = cpuMs();
        engine.search(query);
        sum[kind] += cpuMs() - t;
      }
    }
    setUp.cold();
    for (const k of Object.keys(perRun)) perRun[k].push(sum[k] / asked.length);
    console.log(
      `run ${r + 1}: ${Object.keys(perRun)
        .map((k) => `${k} ${(sum[k] / asked.length).toFixed(2)}`)
        .join(", ")} ms per query (mean); load ${loadAverage()}`,
    );
  }
  const m = Object.fromEntries(Object.entries(perRun).map(([k, xs]) => [k, median(xs)]));
  const ms = (x: number) => `${x.toFixed(2)} ms`;
  console.log(`\nmedian over runs of the mean per query (CPU time):`);
  console.log(`  search() cold ${ms(m.cold)}: match() and its page's exact scores ${ms(m.cold - m.kept)}, after match() ${ms(m.kept)}`);
  console.log(
    `  after match(): snippets ${ms(m.kept - m["no snippet"])}, document store and titles ${ms(m["no snippet"] - m["no hits"])}, facets, paging, stories ${ms(m["no hits"])}`,
  );
}

main();
