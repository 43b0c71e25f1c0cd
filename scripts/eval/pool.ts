// Pool a judged set: the top results of Tìm tin (as the page lists them: full matches, then
// near misses) and the two peers for every query of a judged-set file (default
// data/eval/judged-queries.json; its grades may be empty), with each pooled article's text,
// for grading by hand.
//
//   npx tsx scripts/eval/pool.ts --depth=5 --out=/tmp/pool.json [--cache] [--set=data/eval/judged-heldout2.json]
import { writeFileSync } from "node:fs";
import path from "node:path";
import { cliArgs } from "../cli";
import { createMatcher } from "@/lib/search/matcher";
import { loadArticles } from "./corpus-cache";
import { loadJudged } from "./judged";
import { shownTen } from "./metrics";
import { flexSearchVi, miniSearchVi, type Engine } from "./peers";

async function main() {
  const { values } = cliArgs(__filename, {
    options: {
      corpus: { type: "string", default: path.resolve(__dirname, "../../../shared/corpus/baomoi-2017.jsonl.gz") },
      depth: { type: "string", default: "5" },
      out: { type: "string", default: "/tmp/timtin-pool.json" },
      cache: { type: "boolean", default: false },
      set: { type: "string" },
    },
  });
  const depth = Number(values.depth);
  const { articles } = await loadArticles(values.corpus!, values.cache!);
  const byId = new Map(articles.map((a) => [a.id, a]));
  const matcher = createMatcher(articles);
  const engines: [string, Engine][] = [
    ["timtin", (q) => shownTen(matcher.match(q))],
    ["minisearch-vi", miniSearchVi(articles)],
    ["flexsearch-vi", flexSearchVi(articles)],
  ];
  const set = values.set ? loadJudged(path.resolve(values.set)) : loadJudged();
  const pool = set.queries.map((jq) => {
    const runs = Object.fromEntries(engines.map(([name, e]) => [name, e(jq.q).slice(0, depth)]));
    const ids = [...new Set(Object.values(runs).flat())];
    return {
      id: jq.id,
      q: jq.q,
      runs,
      articles: ids.map((id) => {
        const a = byId.get(id)!;
        return { id, title: a.title, text: a.paragraphs.join("\n"), captions: a.captions };
      }),
    };
  });
  writeFileSync(values.out!, JSON.stringify(pool, null, 1));
  console.log(`pooled ${pool.reduce((s, p) => s + p.articles.length, 0)} articles for ${pool.length} queries → ${values.out}`);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
