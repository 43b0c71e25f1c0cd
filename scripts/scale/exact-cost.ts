// What an exact `total` and exact facet counts cost (issue #10; docs/contract.md `totalExact`): times
// npm run eval's latency queries (as bench.ts --parts eval picks them) through match() with its first
// ten (as query-profile.ts does) and search() (a request with the words alone: relevance, grouped by
// story, facets counted), by the process's CPU time, median of `--runs` runs per query (each run
// starting at another place in the list, so no query always pays the fresh engine's warm-up), then:
// - the queries by how much of the archive they match (full matches + near misses: the members every
//   one of which today is scored, bounded, made a hit and counted): over 1%, 5%, 20%, and each
//   band's share of all the queries' CPU and of the slowest 1% (the p99's queries);
// - the part of the CPU that follows the members: a least-squares line of each query's median
//   against its members (match(), and search() minus match(): filters, facets, stories, the page),
//   and, for a work bound of B members (`--bound`, repeatable), the CPU a bound would leave out,
//   slope × (members − B) summed over the queries past it, as a share of all the queries' CPU and of
//   the p99 queries'. An estimate of what counting every member exactly costs: the line's slope is
//   an average over queries of unlike words, and the members past the bound still need their
//   postings read to be found.
//   npx tsx scripts/scale/exact-cost.ts --index DIR [--archive CORPUS] [--every 8] [--runs 3] [--bound 1000 --bound 2000] [--out F.json]
// `--out F`: every query's medians and member counts as JSON. The index is opened read-only.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { cliArgs } from "../cli";
import { LiveIndex } from "@/lib/index/live-index";
import { SearchEngine } from "@/lib/search/engine";
import { createMatcher } from "@/lib/search/matcher";
import { EMPTY_QUERY, wordsQuery } from "@/lib/url/search-params";
import { loadAverage, median, shownTen } from "../eval/metrics";
import { archiveLatencyQueries } from "../eval/queries";
import { runOrder, summarize, type QueryCost } from "./exact-cost-summary";

const { values } = cliArgs(__filename, {
  options: {
    archive: { type: "string", default: "../shared/corpus" },
    index: { type: "string" },
    every: { type: "string", default: "8" },
    runs: { type: "string", default: "3" },
    bound: { type: "string", multiple: true },
    out: { type: "string" },
  },
});

async function main() {
  const live = await LiveIndex.open({ corpusDir: path.resolve(values.archive!), indexDir: path.resolve(values.index!), reader: true, waitForWriter: false });
  const queries = archiveLatencyQueries(live.archive, Math.max(1, Number(values.every)));
  const runs = Number(values.runs);
  console.log(`${live.archive.live} articles, ${queries.length} queries, ${runs} runs, CPU time; load ${loadAverage()}`);
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const asked = queries.map((q) => wordsQuery(q));
  const matchMs: number[][] = queries.map(() => []);
  const searchMs: number[][] = queries.map(() => []);
  for (let r = 0; r < runs; r++) {
    // Fresh each run: the matcher and the engine keep their last results.
    const matcher = createMatcher(live.archive);
    const engine = new SearchEngine(live.archive);
    engine.prepare();
    engine.search({ ...EMPTY_QUERY, q: "" });
    // Each run from another place in the list: the first query's warm-up falls on another one (runOrder).
    for (const i of runOrder(queries.length, runs, r)) {
      const q = queries[i];
      let t = cpu();
      shownTen(matcher.match(q));
      matchMs[i].push(cpu() - t);
      t = cpu();
      engine.search(asked[i]);
      searchMs[i].push(cpu() - t);
    }
  }
  const matcher = createMatcher(live.archive);
  const rows: QueryCost[] = queries.map((q, i) => {
    const m = matcher.match(q);
    return {
      q,
      match: median(matchMs[i]),
      search: median(searchMs[i]),
      full: m?.hits.length ?? 0,
      members: m ? m.hits.length + m.nearMisses.length : 0,
    };
  });
  const bounds = (values.bound ?? ["1000", "2000"]).map(Number);
  const s = summarize(rows, live.archive.live, bounds);
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  console.log(`match() + first ten: sum ${s.sum.match.toFixed(0)} ms, p50 ${s.p50.match.toFixed(2)}, p99 ${s.p99.match.toFixed(2)} ms`);
  console.log(`search():            sum ${s.sum.search.toFixed(0)} ms, p50 ${s.p50.search.toFixed(2)}, p99 ${s.p99.search.toFixed(2)} ms`);
  console.log(`members: p50 ${s.membersP50}, p90 ${s.membersP90}, max ${s.membersMax}; the p99's ${s.slowest.length} queries (by search()):`);
  for (const r of s.slowest)
    console.log(`  ${r.search.toFixed(1)} ms search, ${r.match.toFixed(1)} match, ${r.full} full + ${r.members - r.full} near  ${JSON.stringify(r.q)}`);
  for (const b of s.bands) {
    console.log(
      `members > ${pct(b.share)} of the archive (${b.members}): ${b.queries} queries; ${pct(b.matchShare)} of match()'s CPU, ${pct(b.searchShare)} of search()'s; ${b.inP99} of the p99's ${s.slowest.length}`,
    );
  }
  console.log(
    `line over the queries: match() ${s.fit.match.a.toFixed(3)} ms + ${(1000 * s.fit.match.b).toFixed(2)} µs/member (r² ${s.fit.match.r2.toFixed(2)}); search() − match() ${s.fit.rest.a.toFixed(3)} ms + ${(1000 * s.fit.rest.b).toFixed(2)} µs/member (r² ${s.fit.rest.r2.toFixed(2)})`,
  );
  for (const c of s.cut) {
    console.log(
      `bound ${c.bound} members: ${c.queries} queries past it; left out: ${pct(c.matchShare)} of match()'s CPU, ${pct(c.searchShare)} of search()'s; of the p99 queries' search() ${pct(c.p99Share)}`,
    );
  }
  if (values.out) writeFileSync(values.out, JSON.stringify(rows, null, 1));
  await live.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
