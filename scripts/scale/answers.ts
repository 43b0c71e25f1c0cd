// The answers of a saved index to a fixed set of searches, and how long search() took, for
// checking that a change of the index format changes nothing users see (run the old and the
// new code, each on its own index of the same corpus, then compare the two files):
//   npx tsx scripts/scale/answers.ts --index DIR [--corpus ../shared/corpus] [--out FILE] [--codes] [--queries FILE]
// Searches: 11 fixed queries, and two 2–3-word windows of the titles of the 200 oldest
// articles, each sorted by relevance and by date. The file holds, per search: total,
// suggestion, correction, the page's ids, scores and snippets, the top 5 people (`--full`:
// the whole response but its timing, for checking that a speed-up changes nothing; `--group`:
// each search grouped by story, pages 1 and 2, as a request with words asks). The timing
// (printed) is the median of rounds 2 and 3 of the relevance searches (round 1 warms up).
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { cliArgs } from "../cli";
import { LiveIndex } from "@/lib/index/live-index";
import { SearchEngine } from "@/lib/search/engine";
import { EMPTY_QUERY } from "@/lib/url/search-params";
import { percentile } from "../eval/metrics";
import { buildQuerySets } from "../eval/queries";
import { NATURAL_QUERIES } from "./natural-queries";
import { CODE_QUERIES } from "./code-queries";

const { values } = cliArgs(__filename, {
  options: {
    index: { type: "string" },
    corpus: { type: "string", default: "../shared/corpus" },
    out: { type: "string" },
    full: { type: "boolean", default: false },
    // Each search grouped by story (as a request with words computes it), pages 1 and 2.
    group: { type: "boolean", default: false },
    // Also npm run eval's latency queries, as bench.ts --eval-every picks them (typos, corrections, unmarked words).
    "eval-every": { type: "string", default: "0" },
    // Also the queries typing a code (code-queries.ts), which the analyzer checks as phrases.
    codes: { type: "boolean", default: false },
    // Also these queries, one a line (e.g. many months typed after `tháng`).
    queries: { type: "string" },
  },
});
const FIXED = [...NATURAL_QUERIES, '"hòa bình"'];

async function main() {
  if (!values.index) throw new Error("--index DIR is required");
  const index = new LiveIndex({ corpusDir: path.resolve(values.corpus!), indexDir: path.resolve(values.index) });
  await index.open();
  const engine = new SearchEngine(index.archive);
  const listed = values.queries
    ? readFileSync(values.queries, "utf8")
        .split("\n")
        .map((q) => q.trim())
        .filter(Boolean)
    : [];
  const queries = [...FIXED, ...(values.codes ? CODE_QUERIES : []), ...listed];
  const every = Number(values["eval-every"]);
  if (every > 0) {
    const articles = index.archive.segments.flatMap((seg) =>
      Array.from({ length: seg.rank.n }, (_, d) => d)
        .filter((d) => !seg.rank.deleted?.[d])
        .map((d) => seg.store.get(d)),
    );
    const sets = buildQuerySets(articles, 400, 42);
    queries.push(...(["exact", "stripped", "tone", "toneExact", "typo"] as const).flatMap((k) => sets[k].map((it) => it.q)).filter((_, i) => i % every === 0));
  }
  for (const h of engine.search({ ...EMPTY_QUERY, size: 200, sort: "oldest", group: false }).hits) {
    const w = h.title.split(/\s+/);
    queries.push(w.slice(0, 3).join(" "), w.slice(2, 4).join(" "));
  }
  const asks = values.group
    ? ([1, 2] as const).flatMap((page) => (["relevance", "newest"] as const).map((sort) => ({ sort, page, group: true })))
    : (["relevance", "newest"] as const).map((sort) => ({ sort }));
  const answers = queries.flatMap((q) =>
    asks.map(({ sort, ...ask }) => {
      const r = engine.search({ ...EMPTY_QUERY, q, sort, ...ask });
      if (values.full) return { ...r, tookMs: 0 };
      return {
        q,
        sort,
        total: r.total,
        suggestion: r.suggestion,
        correctedQuery: r.correctedQuery,
        hits: r.hits.map((h) => [h.id, h.score, h.snippet]),
        persons: r.facets.persons.slice(0, 5),
      };
    }),
  );
  if (values.out) writeFileSync(values.out, JSON.stringify(answers, null, 1));
  const times: number[] = [];
  for (let round = 0; round < 3; round++) {
    for (const q of queries) {
      const t = performance.now();
      engine.search({ ...EMPTY_QUERY, q, page: 1 + (round % 2) });
      if (round > 0) times.push(performance.now() - t);
    }
  }
  times.sort((a, b) => a - b);
  const ms = (p: number) => `${percentile(times, p).toFixed(2)} ms`;
  console.log(
    `${answers.length} searches${values.out ? ` written to ${values.out}` : ""}; search() over ${times.length}: p50 ${ms(50)}, p90 ${ms(90)}, p99 ${ms(99)}`,
  );
  await index.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
