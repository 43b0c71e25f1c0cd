// Where a query's time goes: times npm run eval's latency queries (as scripts/scale/bench.ts
// --parts eval picks them) through match() and search() on a saved index, in process; search()
// is asked what a request with the words alone computes (`wordsQuery`: relevance, grouped by story).
// `--only warm` adds search() with the result cache on (DEFAULT_CACHE_MB), each query asked
// once untimed just before its timed ask: a repeated search's cost (match and search are cold).
// `--slowest N` lists the N queries whose search() took longest in the last run (by match()'s median
// over the runs when search() is not timed: `--only match`) (with their match() time in that run, how many full matches and near misses they have and how many
// postings they read and scored: the work budgets' units, matcher.ts WORK_BUDGET and
// SCORE_BUDGET). Every run ends with both over the queries (p50, p99, max), the members each
// query lists (full matches + near misses), how many of them the first ten made exact (positional scans of
// the article's token stream, on a fresh matcher) and how many the budgets cut (`partial`). `--score-budget N` sets the score budget (`Infinity`: none).
// `--ab '{"marks":0}'` also times match() with those RANK_WEIGHTS changed ("match-ab"), in the
// same process and runs, the two alternating which goes first: a weight's or feature's cost
// (`"mix": false`, `"nearMissRule": {…}`, `"topHint": N` and `"monthDates": false` set those matcher options). match() is timed with
// its first ten as the page lists them (scripts/eval/metrics.ts shownTen).
// `--index-b DIR` also times search() on a second saved index of the same corpus ("search-b":
// another layout or build, the same code), in the same process and runs, alternating order.
// `--clock cpu` times each query by the process's CPU time (process.cpuUsage) rather than the
// wall clock: on a busy machine, a figure less stretched by other jobs (still not a quiet one).
// `--set judged` times the hand-judged natural queries (data/eval/judged-*.json) instead; `--set codes`
// the queries typing a code (code-queries.ts, all of them: `--every` does not thin them).
// `--query Q` (repeatable) times only these queries, each run on a fresh matcher and engine (no
// answer kept from the run before), and prints each query's median over the runs: an A/B of
// a few slow queries with many runs (e.g. `--query "co gia tri" --runs 15 --clock cpu`).
// Each run times the queries from another place in the list, so the warm-up of a fresh matcher
// and engine (their scratch, the garbage they leave) falls on another query each run.
// `--skip-profile` (no timing): per query, how many members (full matches + near misses) a
// title-first top k could leave unscored. A member is "headed" when some posting of some term of a
// query word has a title or lead occurrence (what rank-score's `headless` reads from the count
// row); the others can score at most their words' headless ceilings (rank-score.ts
// headlessCeilings: text at saturation + coverage) + the headless positional ceiling + the
// accent ("A", nothing of theirs read), or their per-word features + the positional ceiling ("B",
// their postings read, as scoring does). Skippable: a headless member whose ceiling is below a
// threshold: the 10th or 50th best exact score of the headed members (pages 1–5); the 10th or 50th best lower bound
// (per-word features) of the headed members; the 200th best lower bound of the headed full
// matches (TOP_HINT, the accent vote's ACCENT_SCAN). Prints p50 / p90 over the queries and the
// share over all members.
// `--band LO,HI`: also lists the queries between the LO-th and HI-th percentile of that ranking (`--band 40,60`:
// the median's queries), each as `--slowest` does, then all of them as one JSON array (for `--query`).
// `--wide-list` (no timing): the queries whose match() runs the wide rule's second pass (a query of
// 4+ words with few full matches: matcher.ts, NearMissRule.wideBelow), found as those charging more
// postings than with that pass off (`wideBelow` 0), one JSON string a line with the postings
// charged with and without it and the full matches and near misses, then how many of all: the
// list to time with `code-ab.ts --query`.
// The index is opened read-only: build or update it first (npm run index -- --corpus DIR --index DIR).
// Run under `node --cpu-prof` to see the functions:
//   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx scripts/scale/query-profile.ts --index DIR [--every 4] [--runs 3]
import { cliArgs } from "../cli";
import path from "node:path";
import { LiveIndex } from "@/lib/index/live-index";
import { SearchEngine } from "@/lib/search/engine";
import type { Archive } from "@/lib/index/archive";
import { createMatcher, localize, type Hit, type MatcherOptions } from "@/lib/search/matcher";
import { isExact } from "@/lib/search/topk";
import { expandQuery } from "@/lib/search/query-expand";
import { parseQuery } from "@/lib/search/query-parse";
import { createScratch, headlessCeilings, NEAR_MISS, RANK_WEIGHTS, type RankWeights } from "@/lib/search/rank-score";
import { splitRunTogether, withWhole } from "@/lib/search/run-together";
import { DEFAULT_CACHE_MB } from "@/lib/search/result-cache";
import { EMPTY_QUERY, wordsQuery } from "@/lib/url/search-params";
import { loadJudged } from "../eval/judged";
import { CODE_QUERIES } from "./code-queries";
import { loadAverage, median, percentile, shownTen } from "../eval/metrics";
import { archiveLatencyQueries } from "../eval/queries";
import { runOrder } from "./exact-cost-summary";

const { values } = cliArgs(__filename, {
  options: {
    archive: { type: "string", default: "../shared/corpus" },
    index: { type: "string" },
    every: { type: "string", default: "1" },
    runs: { type: "string", default: "3" },
    only: { type: "string", default: "match,search" },
    slowest: { type: "string", default: "0" },
    ab: { type: "string" },
    clock: { type: "string", default: "wall" },
    "index-b": { type: "string" },
    // "judged": the hand-judged natural queries (frozen and held-out, long ones among them) instead of eval's known items.
    set: { type: "string", default: "eval" },
    query: { type: "string", multiple: true },
    "score-budget": { type: "string" },
    "skip-profile": { type: "boolean", default: false },
    "wide-list": { type: "boolean", default: false },
    band: { type: "string" },
  },
});

async function main() {
  // A reader: a profile never rebuilds or updates the index it measures; an index built by
  // another analyzer or for another corpus fails at once, saying why (rebuild it with npm run index).
  const live = await LiveIndex.open({ corpusDir: path.resolve(values.archive!), indexDir: path.resolve(values.index!), reader: true, waitForWriter: false });
  const every = Math.max(1, Number(values.every));
  const natural = [...loadJudged().queries, ...loadJudged(path.resolve(__dirname, "../../data/eval/judged-heldout2.json")).queries].map((jq) => jq.q);
  const given = values.query ?? [];
  const queries = given.length
    ? given
    : values.set === "judged"
      ? natural.filter((_, i) => i % every === 0)
      : values.set === "codes"
        ? CODE_QUERIES
        : archiveLatencyQueries(live.archive, every);
  if (values["wide-list"]) {
    wideList(live.archive, queries);
    await live.close();
    return;
  }
  if (values["skip-profile"]) {
    skipProfile(live.archive, queries);
    await live.close();
    return;
  }
  const only = new Set(values.only!.split(","));
  // `--clock cpu`: this process's CPU time (user + system, all its threads) instead of wall
  // time, which on a shared machine also counts the time other jobs held the cores.
  const cpu = values.clock === "cpu";
  // `--score-budget N` (Infinity: none): the matcher's and engine's score budget (matcher.ts SCORE_BUDGET).
  const budgets = values["score-budget"] ? { scoreBudget: Number(values["score-budget"]) } : {};
  let engine = new SearchEngine(live.archive, budgets);
  // Rebuilt every run: a matcher keeps its last 64 queries' results (CACHE_SIZE), which would time a cache hit for a set as small as the judged one.
  let matcher = createMatcher(live.archive, budgets);
  // `mix`, `nearMissRule`, `topHint` and `monthDates` are matcher options; every other key a weight.
  const { mix, nearMissRule, topHint, monthDates, ...over } = (values.ab ? JSON.parse(values.ab) : {}) as Partial<RankWeights> &
    Pick<MatcherOptions, "mix" | "nearMissRule" | "topHint" | "monthDates">;
  const abOf = () => (values.ab ? createMatcher(live.archive, { weights: { ...RANK_WEIGHTS, ...over }, mix, nearMissRule, topHint, monthDates }) : null);
  let ab = abOf();
  const cached = new SearchEngine(live.archive, { resultCacheBytes: DEFAULT_CACHE_MB * 2 ** 20 });
  // `--index-b DIR`: a second saved index of the same corpus (another layout or build),
  // searched by the same code in the same runs ("search-b"), the two alternating which goes first.
  const liveB = values["index-b"]
    ? await LiveIndex.open({ corpusDir: path.resolve(values.archive!), indexDir: path.resolve(values["index-b"]), reader: true, waitForWriter: false })
    : null;
  const engineB = liveB ? new SearchEngine(liveB.archive) : null;
  engineB?.prepare();
  if (engineB && only.has("search")) only.add("search-b");
  // As the server does before it says it is ready (stories, facet numbering, pair filters).
  engine.prepare();
  console.log(`${live.archive.live} articles, ${queries.length} queries, ${cpu ? "CPU" : "wall"} time; load ${loadAverage()}`);
  const now = cpu
    ? () => {
        const u = process.cpuUsage();
        return (u.user + u.system) / 1000;
      }
    : () => performance.now();
  // Each run times the list from another place (exact-cost-summary.ts runOrder): the query timed
  // first after a fresh matcher and engine pays their warm-up, and the median leaves that out.
  const time = (run: (q: string) => unknown, r: number, twice = false) => {
    const times = new Array<number>(queries.length);
    for (const i of runOrder(queries.length, Number(values.runs), r)) {
      if (twice) run(queries[i]);
      const t = now();
      run(queries[i]);
      times[i] = now() - t;
    }
    return times;
  };
  const names = ["match", "match-ab", "search", "search-b", "warm"] as const;
  const out: Record<string, { p50: number[]; p99: number[] }> = Object.fromEntries(names.map((n) => [n, { p50: [], p99: [] }]));
  if (ab && only.has("match")) only.add("match-ab");
  // What a request with these words computes (relevance, grouped by story), parsed before the timing.
  const asked = new Map(queries.map((q) => [q, wordsQuery(q)]));
  const runners = {
    // The first ten as the page lists them (near misses mixed in, or after the full matches).
    match: (q: string) => shownTen(matcher.match(q)),
    "match-ab": (q: string) => ab && shownTen(ab.match(q)),
    search: (q: string) => engine.search(asked.get(q)!),
    "search-b": (q: string) => engineB?.search(asked.get(q)!),
    warm: (q: string) => cached.search(asked.get(q)!),
  };
  // Per query, its time in each run (for --query).
  const perQuery: Record<string, number[][]> = { match: [], search: [] };
  let lastSearch: number[] = [];
  let lastMatch: number[] = [];
  for (let r = 0; r < Number(values.runs); r++) {
    matcher = createMatcher(live.archive, budgets);
    ab = abOf();
    if (given.length) {
      // A handful of queries would be answered from the engine's matcher cache after the first run.
      engine = new SearchEngine(live.archive, budgets);
      engine.prepare();
      // Untimed, as a server's first request would: the engine's per-segment counters made once.
      engine.search({ ...EMPTY_QUERY, q: "" });
    }
    // With --ab, the two matchers alternate which runs first.
    const order = r % 2 && (ab || engineB) ? (["match-ab", "match", "search-b", "search", "warm"] as const) : names;
    for (const name of order) {
      if (!only.has(name)) continue;
      const times = time(runners[name], r, name === "warm");
      if (name === "search") lastSearch = times;
      if (name === "match") lastMatch = times;
      if (name === "match" || name === "search") perQuery[name].push(times);
      const xs = [...times].sort((a, b) => a - b);
      out[name].p50.push(percentile(xs, 50));
      out[name].p99.push(percentile(xs, 99));
    }
  }
  for (const name of names) {
    if (!only.has(name)) continue;
    console.log(
      `${name}: p50 ${median(out[name].p50).toFixed(2)} ms, p99 ${median(out[name].p99).toFixed(2)} ms (runs: ${out[name].p50.map((x) => x.toFixed(2)).join(" ")})`,
    );
  }
  // Per query, on a fresh matcher (the timed one's hits were made exact by its runs): how many hits
  // the first ten made exact, each a positional scan of the article's token stream (topk.ts selectTop).
  const fresh = createMatcher(live.archive, budgets);
  const scans = new Map(queries.map((q) => [q, scannedForTen(fresh.match(q))]));
  for (const [i, q] of given.entries()) {
    const of = (name: string) => (perQuery[name].length ? `${name} ${median(perQuery[name].map((t) => t[i])).toFixed(2)} ms` : "");
    const m = matcher.match(q);
    const members = m ? m.hits.length + m.nearMisses.length : 0;
    const work = m
      ? `, ${m.postings} postings read, ${m.scored} scored, ${members} members, ${scans.get(q)} scanned for the first ten${m.partial ? ", partial" : ""}`
      : "";
    console.log(`query: ${[of("match"), of("search")].filter(Boolean).join(", ")} (median of ${values.runs} runs${work})  ${q}`);
  }
  // The work budget's unit (matcher.ts WORK_BUDGET): postings charged per query, and which queries it cut.
  const charged = queries.map((q) => ({ q, m: matcher.match(q) })).filter((x) => x.m);
  for (const unit of ["postings", "scored"] as const) {
    const xs = charged.map((x) => x.m![unit]).sort((a, b) => a - b);
    const most = charged.reduce((a, b) => (b.m![unit] > a.m![unit] ? b : a), charged[0]);
    if (most) console.log(`${unit}: p50 ${percentile(xs, 50)}, p99 ${percentile(xs, 99)}, max ${most.m![unit]} (${most.q})`);
  }
  // Members: the full matches and near misses each query lists (the per-member work: scores, bounds, hits).
  const members = charged.map((x) => x.m!.hits.length + x.m!.nearMisses.length).sort((a, b) => a - b);
  if (members.length)
    console.log(`members (full matches + near misses): p50 ${percentile(members, 50)}, p99 ${percentile(members, 99)}, max ${members[members.length - 1]}`);
  const scanned = [...scans.values()].sort((a, b) => a - b);
  console.log(`scanned for the first ten: p50 ${percentile(scanned, 50)}, p99 ${percentile(scanned, 99)}, max ${scanned[scanned.length - 1]}`);
  console.log(`cut by the budget (partial): ${charged.filter((x) => x.m!.partial).length} of ${charged.length}`);
  // By search() when it was timed, else by match()'s median over the runs (`--only match --slowest N`: the tail of match()).
  const by = lastSearch.length ? lastSearch : queries.map((_, i) => median(perQuery.match.map((t) => t[i])));
  const slowest = queries.map((q, i) => ({ q, ms: by[i] ?? 0 })).sort((a, b) => b.ms - a.ms);
  for (const { q, ms } of slowest.slice(0, Number(values.slowest))) {
    // What the query matched: full matches and near misses (the work grows with them).
    const m = matcher.match(q);
    const i = queries.indexOf(q);
    const matchMs = lastMatch[i] === undefined ? "" : `, match ${lastMatch[i].toFixed(1)} ms`;
    console.log(
      `slow: ${ms.toFixed(1)} ms${matchMs}, ${m?.hits.length ?? 0} hits + ${m?.nearMisses.length ?? 0} near, ${m?.postings ?? 0} postings read, ${m?.scored ?? 0} scored, ${scans.get(q)} scanned  ${JSON.stringify(q)}`,
    );
  }
  // `--band LO,HI`: the queries between those percentiles of the same ranking (the median's queries: 40,60).
  if (values.band) {
    const [lo, hi] = values.band.split(",").map(Number);
    const rising = [...slowest].reverse();
    const from = Math.floor((lo / 100) * rising.length);
    const to = Math.ceil((hi / 100) * rising.length);
    const band = rising.slice(from, to);
    for (const { q, ms } of band) {
      const m = matcher.match(q);
      console.log(
        `band: ${ms.toFixed(2)} ms, ${m?.hits.length ?? 0} hits + ${m?.nearMisses.length ?? 0} near, ${m?.postings ?? 0} postings read, ${m?.scored ?? 0} scored, ${scans.get(q)} scanned  ${JSON.stringify(q)}`,
      );
    }
    console.log(`band ${lo}–${hi}: ${band.length} queries ${JSON.stringify(band.map((x) => x.q))}`);
  }
  console.log(`load at end ${loadAverage()}`);
  await live.close();
  await liveB?.close();
}

/** How many of a match's hits and near misses the first ten (shownTen) made exact: its positional scans. */
function scannedForTen(m: ReturnType<ReturnType<typeof createMatcher>["match"]>): number {
  if (!m) return 0;
  const all: Hit[] = [...m.hits, ...m.nearMisses];
  const exact = () => all.reduce((n, h) => n + (isExact(h) ? 1 : 0), 0);
  const before = exact();
  shownTen(m);
  return exact() - before;
}

/** `--wide-list`: see the header. */
function wideList(archive: Archive, queries: string[]) {
  const on = createMatcher(archive);
  const off = createMatcher(archive, { nearMissRule: { ...NEAR_MISS, wideBelow: 0 } });
  let n = 0;
  for (const q of queries) {
    const a = on.match(q);
    const b = off.match(q);
    if (!a || !b || a.postings === b.postings) continue;
    n++;
    console.log(`${JSON.stringify(q)}\t${a.postings}\t${b.postings}\t${a.hits.length}\t${a.nearMisses.length}`);
  }
  console.log(`the wide rule's second pass: ${n} of ${queries.length} queries`);
}

/** `--skip-profile`: see the header. */
function skipProfile(archive: Archive, queries: string[]) {
  const matcher = createMatcher(archive);
  const accent = RANK_WEIGHTS.accent;
  type Row = Record<string, number>;
  const rows: Row[] = [];
  const kth = (xs: number[], k: number) => (xs.length < k ? -Infinity : [...xs].sort((a, b) => b - a)[k - 1]);
  for (const q of queries) {
    const r = matcher.match(q);
    if (!r) continue;
    const members: Hit[] = [...r.hits, ...r.nearMisses];
    if (!members.length) continue;
    const lower = members.map((h) => h.score);
    r.refine(members);
    // The matcher's reading of the query (as scripts/eval/explain.ts reads it).
    const parsed = splitRunTogether(archive.lexicon, parseQuery(q));
    const groups = withWhole(expandQuery(archive.lexicon, parsed.words), parsed.whole, parsed.also);
    const bySeg = new Map(archive.segments.map((seg) => [seg, localize(archive, seg, groups, []).groups]));
    const ceilings = new Map(archive.segments.map((seg) => [seg, headlessCeilings(seg.rank, createScratch(seg.rank), bySeg.get(seg)!)]));
    const headed: boolean[] = [];
    const ceilA: number[] = [];
    for (const h of members) {
      const { foldedStart, foldedDocs, foldedTf } = h.seg.rank;
      const c = ceilings.get(h.seg)!;
      let head = false;
      let up = c.positional + accent;
      bySeg.get(h.seg)!.forEach((g, i) => {
        let holds = false;
        for (const t of g.terms) {
          let lo = foldedStart[t.f];
          let hi = foldedStart[t.f + 1];
          while (lo < hi) {
            const mid = (lo + hi) >>> 1;
            if (foldedDocs[mid] < h.d) lo = mid + 1;
            else hi = mid;
          }
          if (lo < foldedStart[t.f + 1] && foldedDocs[lo] === h.d) {
            holds = true;
            if (foldedTf[lo] >> 8 !== 0) head = true;
          }
        }
        if (holds) up += c.word[i];
      });
      headed.push(head);
      ceilA.push(up);
    }
    const positional = (h: Hit) => ceilings.get(h.seg)!.positional;
    const headedOf = (xs: number[], full = false) => xs.filter((_, i) => headed[i] && (!full || i < r.hits.length));
    // The thresholds: the 10th and 50th best exact score of the headed members; the 10th and 50th best
    // lower bound (per-word features, all a scorer knows before the positional pass) of the headed
    // members; the 200th best lower bound of the headed full matches (MaxScore's cut, the accent vote).
    const cuts = {
      x10: kth(headedOf(members.map((h) => h.score)), 10),
      x50: kth(headedOf(members.map((h) => h.score)), 50),
      l10: kth(headedOf(lower), 10),
      l50: kth(headedOf(lower), 50),
      l200: kth(headedOf(lower, true), 200),
    };
    const count = (ceiling: (i: number) => number, cut: number) => members.reduce((n, _, i) => n + (!headed[i] && ceiling(i) < cut ? 1 : 0), 0);
    const a = (i: number) => ceilA[i];
    const b = (i: number) => lower[i] + positional(members[i]) + accent;
    // What the thresholds are made of, against a full match's ceiling A (for the median query's figures).
    const c = ceilings.get(members[0].seg)!;
    const row: Row = {
      members: members.length,
      headed: headed.filter(Boolean).length,
      ceiling: c.word.reduce((x, y) => x + y, 0) + c.positional + accent,
      positional: c.positional,
      ...cuts,
    };
    for (const [name, cut] of Object.entries(cuts)) {
      row[`${name}A`] = count(a, cut);
      row[`${name}B`] = count(b, cut);
    }
    rows.push(row);
  }
  const pct = (xs: number[], p: number) =>
    percentile(
      [...xs].sort((a, b) => a - b),
      p,
    );
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  console.log(`${rows.length} queries with members; load ${loadAverage()}`);
  console.log("| per query | p50 | p90 | over all members |");
  console.log("| --- | --- | --- | --- |");
  const members = rows.map((x) => x.members);
  console.log(`| members (full + near) | ${pct(members, 50)} | ${pct(members, 90)} | ${sum(members)} |`);
  // The scores (of queries whose thresholds all exist): a full match's ceiling A, its positional part, the thresholds.
  const whole = rows.filter((x) => x.l200 > -Infinity);
  console.log(`score points, p50 over the ${whole.length} queries with 200 headed full matches or more:`);
  for (const key of ["ceiling", "positional", "x10", "x50", "l10", "l50", "l200"])
    console.log(
      `  ${key} ${pct(
        whole.map((x) => x[key]),
        50,
      ).toFixed(2)}`,
    );
  const labels: [string, string][] = [["headed", "headed (a query word in the title or lead)"]];
  for (const [cut, what] of [
    ["x10", "10th exact score of the headed"],
    ["x50", "50th exact score of the headed"],
    ["l10", "10th lower bound of the headed"],
    ["l50", "50th lower bound of the headed"],
    ["l200", "200th lower bound of the headed full matches"],
  ])
    for (const c of ["A", "B"]) labels.push([`${cut}${c}`, `skippable below the ${what}, ceiling ${c}`]);
  for (const [key, label] of labels) {
    const share = rows.map((x) => x[key] / x.members);
    console.log(
      `| ${label} | ${(100 * pct(share, 50)).toFixed(1)}% | ${(100 * pct(share, 90)).toFixed(1)}% | ${((100 * sum(rows.map((x) => x[key]))) / sum(members)).toFixed(1)}% |`,
    );
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
