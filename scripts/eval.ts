// `npm run eval`: known-item relevance (MRR@10, Recall@10) and in-process latency of
// the matcher on the 35k corpus, side by side with MiniSearch's default options; and
// nDCG@5 / P@5 on the hand-judged natural queries of data/eval/judged-queries.json for
// the matcher and two peers with Vietnamese folding (MiniSearch, FlexSearch); the same on
// data/eval/judged-heldout2.json as its own table (the first held-out set: frozen before
// the ranking changes of its session, a tuning set since; the set never tuned on is the
// newest frozen one, reported once by `scripts/eval/ablate.ts --heldout`).
//
//   npm run eval                                   # ../shared/corpus/baomoi-2017.jsonl.gz
//   npm run eval -- --corpus=path/to/dir-or-file --queries=400 --seed=42 --runs=5
//   EVAL_CORPUS=path npm run eval -- --no-baseline --no-peers
//   npm run eval -- --cache      # keep the cleaned corpus in the temp directory between runs
// Exits 1 when a stated goal fails; `--report-only` prints the same and exits 0.
import os from "node:os";
import path from "node:path";
import v8 from "node:v8";
import { cliArgs } from "./cli";
import { runInNewContext } from "node:vm";
import MiniSearch from "minisearch";
import type { Article } from "@/lib/corpus/types";
import { createMatcher, type Matcher } from "@/lib/search/matcher";
import { loadArticles } from "./eval/corpus-cache";
import { existsSync } from "node:fs";
import { condensedNdcgAt, judgedAt, loadAdditions, loadJudged, ndcgAt, precisionAt, withAdditions, type JudgedSet } from "./eval/judged";
import { median, percentile, quality, reciprocalRank, shownTen, type Quality } from "./eval/metrics";
import { absentQueries } from "./eval/absent";
import { flexSearchVi, miniSearchVi } from "./eval/peers";
import { buildQuerySets, type KnownItem, type QuerySets } from "./eval/queries";

const REPO = path.resolve(__dirname, "..");

const { values: args } = cliArgs(__filename, {
  options: {
    corpus: { type: "string", default: process.env.EVAL_CORPUS ?? "../shared/corpus/baomoi-2017.jsonl.gz" },
    queries: { type: "string", default: "400" },
    seed: { type: "string", default: "42" },
    runs: { type: "string", default: "5" },
    "no-baseline": { type: "boolean", default: false },
    "no-peers": { type: "boolean", default: false },
    cache: { type: "boolean", default: false },
    "report-only": { type: "boolean", default: false },
  },
});

type Engine = (q: string) => string[];

interface VariantResult {
  name: string;
  quality: Quality;
  times: number[];
}

function runVariant(name: string, items: KnownItem[], engine: Engine): VariantResult {
  const ranks: number[] = [];
  const times: number[] = [];
  for (const it of items) {
    const t0 = performance.now();
    const top = engine(it.q);
    times.push(performance.now() - t0);
    ranks.push(reciprocalRank(top, it.target));
  }
  return { name, quality: quality(ranks), times };
}

const VARIANTS: [string, keyof QuerySets][] = [
  ["exact", "exact"],
  ["marks stripped", "stripped"],
  ["tone swapped", "tone"],
  ["  (same set, exact)", "toneExact"],
  ["one letter deleted", "typo"],
  ["Telex, input method off", "telex"],
  ["VNI, input method off", "vni"],
  ["one wrong tone (own set)", "wrongTone"],
];

function mb(bytes: number): string {
  return `${Math.round(bytes / 2 ** 20)} MiB`;
}

function fmt(x: number): string {
  return x.toFixed(3);
}

async function main() {
  const corpusPath = path.resolve(REPO, args.corpus);
  const count = Number(args.queries);
  const seed = Number(args.seed);
  const runs = Number(args.runs);
  const baseline = !args["no-baseline"];

  const cpus = os.cpus();
  console.log(`machine: ${cpus[0]?.model ?? "?"} × ${cpus.length}, ${mb(os.totalmem())} RAM, node ${process.version}, ${os.platform()} ${os.release()}`);
  console.log(`command: npm run eval -- ${process.argv.slice(2).join(" ")}`.trimEnd());

  let t0 = performance.now();
  const { articles, skipped } = await loadArticles(corpusPath, args.cache);
  const chars = articles.reduce((s, a) => s + a.title.length + a.paragraphs.reduce((n, p) => n + p.length, 0), 0);
  console.log(
    `corpus: ${corpusPath}: ${articles.length} articles (${skipped} skipped), ${(chars / 1e6).toFixed(1)} M characters, loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );

  const before = memory();
  t0 = performance.now();
  const matcher = createMatcher(articles);
  const buildMs = performance.now() - t0;
  const after = memory();
  console.log(
    `index: built in ${(buildMs / 1000).toFixed(1)} s; heap used ${mb(after.heap)} + typed arrays ${mb(after.buffers)} ` +
      `(the index adds ${mb(after.heap - before.heap)} heap + ${mb(after.buffers - before.buffers)} typed arrays to the loaded corpus)`,
  );

  const sets = buildQuerySets(articles, count, seed);
  console.log(`queries: ${sets.exact.length} per variant (tone set: ${sets.tone.length}, wrong-tone set: ${sets.wrongTone.length}), seed ${seed}`);
  const absent = absentQueries(articles);
  console.log(
    `absent queries: ${absent.absent.length} checked absent; dropped as present in some article: ${absent.present.map((q) => `«${q}»`).join(", ") || "none"}`,
  );

  // Our results as the page lists them: near misses below every full match.
  const ours: Engine = (q) => shownTen(matcher.match(q));
  const oursResults = VARIANTS.map(([name, key]) => runVariant(name, sets[key], ours));
  const judged = loadJudged();
  // Grades added after the freeze, for articles the pool never showed: reported separately.
  const additionsFile = path.join(REPO, "data/eval/judged-additions.json");
  const added = existsSync(additionsFile) ? withAdditions(judged, loadAdditions(additionsFile)) : null;
  const judgedRows: JudgedRow[] = [judgedRun("Tìm tin", judged, ours)];
  const addedRows: JudgedRow[] = added ? [judgedRun("Tìm tin", added, ours)] : [];
  const heldoutFile = path.join(REPO, "data/eval/judged-heldout2.json");
  const heldout = existsSync(heldoutFile) ? loadJudged(heldoutFile) : null;
  const heldoutRows: JudgedRow[] = heldout ? [judgedRun("Tìm tin", heldout, ours)] : [];

  // Absent queries: right when answered with nothing, or with a correction that says so.
  const absentAnswers = absent.absent.map((q) => {
    const r = matcher.match(q);
    // A near miss shown is an answer too: it must not turn an absent query into junk.
    return { q, total: (r?.hits.length ?? 0) + (r?.nearMisses.length ?? 0), corrected: r?.correctedQuery ?? null };
  });
  const absentRight = absentAnswers.filter((a) => a.total === 0 || a.corrected !== null);
  const absentPrecision = absentRight.length / (absentAnswers.length || 1);
  // Wrong tone: how often the engine says it changed or doubts the query.
  const wrongFlagged = sets.wrongTone.filter((it) => {
    const r = matcher.match(it.q);
    return !!(r?.correctedQuery || r?.suggestion);
  }).length;

  // Latency: every query of every variant, `runs` times; the median of each percentile.
  // Over the variants earlier versions timed too, so figures stay comparable.
  const all = VARIANTS.slice(0, 5).flatMap(([, key]) => sets[key].map((it) => it.q));
  const p50: number[] = [];
  const p95: number[] = [];
  const p99: number[] = [];
  for (let r = 0; r < runs; r++) {
    const times = all.map((q) => timeQuery(matcher, q)).sort((a, b) => a - b);
    p50.push(percentile(times, 50));
    p95.push(percentile(times, 95));
    p99.push(percentile(times, 99));
  }
  const hostile = ["", "!!!", "-", '"', '"hòa bình', "😀😀", "a".repeat(200), "của và các người", "-của", "ng", '"của các"'];
  const hostileMax = Math.max(...hostile.map((q) => timeQuery(matcher, q)));

  let baseResults: VariantResult[] | null = null;
  let baseBuild = 0;
  if (baseline) {
    t0 = performance.now();
    const mini = new MiniSearch<{ id: string; title: string; body: string }>({ fields: ["title", "body"] });
    mini.addAll(articles.map((a: Article) => ({ id: a.id, title: a.title, body: a.paragraphs.join("\n") })));
    baseBuild = performance.now() - t0;
    const engine: Engine = (q) =>
      mini
        .search(q)
        .slice(0, 10)
        .map((r) => String(r.id));
    baseResults = VARIANTS.map(([name, key]) => runVariant(name, sets[key], engine));
  }

  if (!args["no-peers"]) {
    for (const [name, build] of [
      ["MiniSearch + vi folding", miniSearchVi],
      ["FlexSearch + vi folding", flexSearchVi],
    ] as const) {
      t0 = performance.now();
      const engine = build(articles);
      const built = performance.now() - t0;
      judgedRows.push({ ...judgedRun(name, judged, engine), build: built });
      if (added) addedRows.push({ ...judgedRun(name, added, engine), build: built });
      if (heldout) heldoutRows.push({ ...judgedRun(name, heldout, engine), build: built });
    }
  }

  console.log("\n| variant | queries | MRR@10 | Recall@10 | MiniSearch defaults MRR@10 | Recall@10 |");
  console.log("|---|---|---|---|---|---|");
  oursResults.forEach((r, i) => {
    const b = baseResults?.[i];
    const n = sets[VARIANTS[i][1]].length;
    console.log(
      `| ${r.name} | ${n} | ${fmt(r.quality.mrr)} | ${fmt(r.quality.recall)} | ${b ? fmt(b.quality.mrr) : "—"} | ${b ? fmt(b.quality.recall) : "—"} |`,
    );
  });
  console.log(
    `\nlatency (this engine, match() and its first ten, ${all.length} queries × ${runs} runs, median of runs): p50 ${median(p50).toFixed(2)} ms, p95 ${median(p95).toFixed(2)} ms, p99 ${median(p99).toFixed(2)} ms; slowest hostile query ${hostileMax.toFixed(2)} ms`,
  );
  if (baseResults) {
    const bt = baseResults.flatMap((r) => r.times).sort((a, b) => a - b);
    console.log(
      `latency (MiniSearch defaults, one run): p50 ${percentile(bt, 50).toFixed(1)} ms, p95 ${percentile(bt, 95).toFixed(1)} ms, p99 ${percentile(bt, 99).toFixed(1)} ms; build ${(baseBuild / 1000).toFixed(1)} s`,
    );
  }

  console.log(
    `\nabsent queries: ${absentRight.length}/${absentAnswers.length} answered with no results or a flagged correction (precision ${fmt(absentPrecision)})`,
  );
  for (const a of absentAnswers.filter((x) => x.total > 0)) {
    console.log(`  «${a.q}»: ${a.total} results${a.corrected ? `, corrected to «${a.corrected}»` : " (unflagged)"}`);
  }
  console.log(`wrong-tone queries flagged (a correction or a suggestion): ${wrongFlagged}/${sets.wrongTone.length}`);

  printJudged(judged, judgedRows);
  if (added) {
    const count = added.queries.reduce((n, q) => n + Object.keys(q.grades).length, 0) - judged.queries.reduce((n, q) => n + Object.keys(q.grades).length, 0);
    console.log(`\nwith the ${count} grades added after the freeze (data/eval/judged-additions.json; the frozen grades unchanged):`);
    printJudged(added, addedRows);
  }
  if (heldout)
    printJudged(
      heldout,
      heldoutRows,
      "data/eval/judged-heldout2.json, the first held-out set (a tuning set now; the frozen one is read by ablate.ts --heldout)",
    );

  const [exact, stripped, tone, toneExact, typo, telex, vni] = oursResults.map((r) => r.quality.mrr);
  const bestPeer = judgedRows.length > 1 ? Math.max(...judgedRows.slice(1).map((r) => r.ndcg)) : null;
  // null: not checked in this run (no baseline).
  const goals: [string, boolean | null][] = [
    ["absent-query precision ≥ 0.95", absentPrecision >= 0.95],
    ["exact MRR ≥ 0.83", exact >= 0.83],
    ["stripped MRR ≥ 0.83", stripped >= 0.83],
    ["tone-swapped MRR ≥ 0.83", tone >= 0.83],
    ["one letter deleted MRR ≥ 0.65", typo >= 0.65],
    ["Telex MRR ≥ 0.75", telex >= 0.75],
    ["VNI MRR ≥ 0.75", vni >= 0.75],
    ["stripped MRR within 0.02 of exact", exact - stripped <= 0.02],
    ["tone-swapped MRR within 0.02 of exact (same set)", toneExact - tone <= 0.02],
    ["every variant above MiniSearch defaults", baseResults ? oursResults.every((r, i) => r.quality.mrr > baseResults[i].quality.mrr) : null],
    ["judged nDCG@5 at least 0.05 above the best peer", bestPeer === null ? null : judgedRows[0].ndcg >= bestPeer + 0.05],
    [
      "the same, with the grades added after the freeze",
      !added || addedRows.length < 2 ? null : addedRows[0].ndcg >= Math.max(...addedRows.slice(1).map((r) => r.ndcg)) + 0.05,
    ],
    ["the same, on held-out2", heldoutRows.length < 2 ? null : heldoutRows[0].ndcg >= Math.max(...heldoutRows.slice(1).map((r) => r.ndcg)) + 0.05],
    ["p50 ≤ 5 ms", median(p50) <= 5],
    ["p99 ≤ 30 ms", median(p99) <= 30],
  ];
  console.log("\ngoals:");
  for (const [name, ok] of goals) console.log(`  ${ok === null ? "UNCHECKED" : ok ? "HOLDS" : "FAILS"}  ${name}`);
  const failed = goals.filter(([, ok]) => ok === false).length;
  if (failed && !args["report-only"]) {
    console.log(`\n${failed} goal(s) fail: exit 1 (--report-only to only report)`);
    process.exitCode = 1;
  }
}

interface JudgedRow {
  name: string;
  ndcg: number;
  condensed: number;
  p5: number;
  judged: number;
  /** nDCG@5 per query, in file order. */
  perQuery: number[];
  build?: number;
}

/** nDCG@5 (unjudged = 0), condensed nDCG@5, P@5 and the judged share of the top 5, averaged over the queries. */
function judgedRun(name: string, set: JudgedSet, engine: Engine): JudgedRow {
  const perQuery: number[] = [];
  let condensed = 0;
  let p5 = 0;
  let judged = 0;
  for (const jq of set.queries) {
    const top = engine(jq.q);
    perQuery.push(ndcgAt(top, jq.grades, 5));
    condensed += condensedNdcgAt(top, jq.grades, 5);
    p5 += precisionAt(top, jq.grades, 5);
    judged += judgedAt(top, jq.grades, 5);
  }
  const n = set.queries.length || 1;
  return { name, ndcg: perQuery.reduce((a, b) => a + b, 0) / n, condensed: condensed / n, p5: p5 / n, judged: judged / n, perQuery };
}

function printJudged(set: JudgedSet, rows: JudgedRow[], source = "data/eval/judged-queries.json") {
  const subsets: [string, (tags: string[]) => boolean][] = [
    ["unmarked", (t) => t.includes("unmarked")],
    ["quoted", (t) => t.includes("quoted")],
    ["long", (t) => t.includes("long")],
  ];
  console.log(`\njudged natural queries (${source}: ${set.queries.length} queries, grades 0/1/2; unjudged = 0 except in condensed):`);
  console.log(`| engine | nDCG@5 | condensed nDCG@5 | P@5 | judged share of top 5 | ${subsets.map(([s]) => `nDCG@5 ${s}`).join(" | ")} | build |`);
  console.log(`|---|---|---|---|---|${subsets.map(() => "---|").join("")}---|`);
  for (const r of rows) {
    const sub = subsets.map(([, keep]) => {
      const xs = set.queries.map((q, i) => (keep(q.tags) ? r.perQuery[i] : NaN)).filter((x) => !Number.isNaN(x));
      return `${fmt(xs.reduce((a, b) => a + b, 0) / (xs.length || 1))} (${xs.length})`;
    });
    console.log(
      `| ${r.name} | ${fmt(r.ndcg)} | ${fmt(r.condensed)} | ${fmt(r.p5)} | ${fmt(r.judged)} | ${sub.join(" | ")} | ${r.build ? `${(r.build / 1000).toFixed(0)} s` : "—"} |`,
    );
  }
}

/** One match() call and its first ten as the page lists them (the top-k work is done there, not in match()). The matcher caches its last 64 queries; the timed list repeats a query only ~2,000 queries later, so every timing is a cache miss. */
function timeQuery(matcher: Matcher, q: string): number {
  const t0 = performance.now();
  shownTen(matcher.match(q));
  return performance.now() - t0;
}

/** Heap used and typed-array memory (outside the heap) after a full collection. */
function memory(): { heap: number; buffers: number } {
  v8.setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
  const m = process.memoryUsage();
  return { heap: m.heapUsed, buffers: m.arrayBuffers };
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
