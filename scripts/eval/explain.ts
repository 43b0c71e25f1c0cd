// Why the judged queries rank as they do: for each query, the page's first results (as
// shownTen lists them) and every article graded 2, with their grade and the named
// features of their score (rank-score.ts explainQuery), read from a saved index.
//
//   npx tsx scripts/eval/explain.ts --index=DIR [--only=q33,q35 | --tag=long] [--top=10] [--heldout]
// --heldout: also the queries of every held-out set that is a tuning set now (read from data/eval's "frozen" flags by
// tuning-sets.ts; never the set kept for its report), or of --heldout-file=FILE[,FILE…] (relative to the repository root).
import path from "node:path";
import { cliArgs } from "../cli";
import { LiveIndex } from "@/lib/index/live-index";
import { createMatcher, localize } from "@/lib/search/matcher";
import { expandQuery } from "@/lib/search/query-expand";
import { parseQuery } from "@/lib/search/query-parse";
import { splitRunTogether, withWhole } from "@/lib/search/run-together";
import { AbbreviationReader, archiveAbbreviations, readAbbreviations } from "@/lib/search/abbreviations";
import { createScratch, explainQuery, FEATURE_NAMES } from "@/lib/search/rank-score";
import { loadAdditions, loadJudged, withAdditions } from "./judged";
import { shownTen } from "./metrics";
import { tuningHeldOutSets } from "./tuning-sets";

const { values: args } = cliArgs(__filename, {
  options: {
    corpus: { type: "string", default: path.resolve(__dirname, "../../../shared/corpus") },
    index: { type: "string" },
    only: { type: "string" },
    tag: { type: "string" },
    top: { type: "string", default: "10" },
    heldout: { type: "boolean", default: false },
    // No fixed default: the tuning held-out sets are read from data/eval's flags when --heldout asks for them.
    "heldout-file": { type: "string" },
  },
});

async function main() {
  if (!args.index) throw new Error("--index=DIR is required (a saved index: npm run index)");
  const live = await LiveIndex.open({ corpusDir: path.resolve(args.corpus!), indexDir: path.resolve(args.index), reader: true, waitForWriter: false });
  const archive = live.archive;
  const matcher = createMatcher(archive);
  const abbreviations = new AbbreviationReader(archiveAbbreviations(archive));
  const judged = withAdditions(loadJudged(), loadAdditions());
  const heldoutFiles = args.heldout ? (args["heldout-file"]?.split(",") ?? tuningHeldOutSets().map((s) => path.join("data/eval", s.file))) : [];
  for (const file of heldoutFiles) judged.queries.push(...withAdditions(loadJudged(path.resolve(__dirname, "../..", file)), loadAdditions()).queries);
  const only = args.only?.split(",");
  for (const jq of judged.queries) {
    if (only && !only.includes(jq.id)) continue;
    if (args.tag && !jq.tags.includes(args.tag)) continue;
    const shown = shownTen(matcher.match(jq.q)).slice(0, Number(args.top));
    // As the matcher reads the query: words typed run together split (run-together.ts), abbreviations read (abbreviations.ts).
    const parsed = readAbbreviations(abbreviations, splitRunTogether(archive.lexicon, parseQuery(jq.q)));
    const groups = withWhole(expandQuery(archive.lexicon, parsed.words), parsed.whole, parsed.also);
    console.log(`\n## ${jq.id} ${jq.q}`);
    console.log(`rank grade ${FEATURE_NAMES.join(" ")} score | title`);
    for (const seg of archive.segments) {
      const local = localize(archive, seg, groups, []).groups;
      const ex = explainQuery(seg.rank, createScratch(seg.rank), {
        groups: local,
        phrases: parsed.phrases,
        excluded: [],
        mode: "all",
        nearMiss: true,
      });
      const byId = new Map<string, number>();
      for (let d = 0; d < seg.rank.n; d++) byId.set(seg.rank.ids[d], d);
      const best = Object.entries(jq.grades)
        .filter(([id, g]) => g === 2 && !shown.includes(id))
        .map(([id]) => id);
      for (const [i, id] of [...shown.map((id, i) => [i + 1, id] as const), ...best.map((id) => ["-", id] as const)]) {
        const d = byId.get(id);
        if (d === undefined) continue;
        const e = ex.get(d);
        const f = e ? FEATURE_NAMES.map((n) => e.features[n].toFixed(1)).join(" ") : "(no match)";
        const grade = id in jq.grades ? jq.grades[id] : "-";
        console.log(`${i} ${grade} ${f} ${e ? e.score.toFixed(1) : ""} | ${id} ${seg.store.get(d).title.slice(0, 90)}`);
      }
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
