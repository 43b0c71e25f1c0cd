// Empty and near-empty first pages (issue #9, rank26): which judged and latency queries show fewer
// than 5 results on their first page (full matches and near misses, as shownTen lists them), and why,
// by kind: a quoted phrase the archive writes otherwise, a word no article holds with the others, a
// word corrected, a word the archive never uses.
//
//   npx tsx scripts/eval/short-pages.ts --index=DIR [--corpus=FILE] [--sets=judged-queries.json,judged-heldout19.json] [--latency] [--below=5]
// --sets: data/eval file names, comma-separated (default: the tuning sets, scripts/eval/tuning-sets.ts);
// --latency: also `npm run eval`'s latency queries (scripts/eval/queries.ts latencyQueries).
import path from "node:path";
import { cliArgs } from "../cli";
import { createMatcher, type MatchResult } from "@/lib/search/matcher";
import { parseQuery, unquotedQuery } from "@/lib/search/query-parse";
import { expandQuery } from "@/lib/search/query-expand";
import { openSaved } from "./corpus-cache";
import { loadJudged } from "./judged";
import { shownTen } from "./metrics";
import { latencyQueries, liveArticles } from "./queries";
import { EVAL_DIR, tuningSets } from "./tuning-sets";
import { whyShort, type ShortKind } from "./short-pages-kind";

const { values: args } = cliArgs(__filename, {
  options: {
    corpus: { type: "string", default: path.resolve(__dirname, "../../../shared/corpus/baomoi-2017.jsonl.gz") },
    index: { type: "string" },
    sets: { type: "string" },
    latency: { type: "boolean", default: false },
    below: { type: "string", default: "5" },
  },
});

async function main() {
  if (!args.index) throw new Error("--index=DIR is required (a saved index: npm run index)");
  if (args.sets?.includes("heldout27")) throw new Error("held-out27 is this session's fresh set: never read it");
  const live = await openSaved(args.corpus!, args.index);
  const archive = live.archive;
  const matcher = createMatcher(archive);
  const below = Number(args.below);
  const files = args.sets ? args.sets.split(",") : tuningSets().map((s) => s.file);
  const lists: [string, { id: string; q: string }[]][] = files.map((f) => [f.replace(/^judged-|\.json$/g, ""), loadJudged(path.join(EVAL_DIR, f)).queries]);
  if (args.latency) lists.push(["latency", latencyQueries(liveArticles(archive)).map((q, i) => ({ id: `L${i}`, q }))]);
  const counts = new Map<ShortKind, number>();
  let total = 0;
  for (const [name, queries] of lists) {
    let short = 0;
    for (const { id, q } of queries) {
      const r = matcher.match(q);
      const shown = shownTen(r).length;
      if (shown >= below) continue;
      short++;
      const words = unquotedQuery(q);
      const unquoted = words ? shownTen(matcher.match(words)).length : 0;
      const unknown = parseQuery(q)
        .words.filter((w) => expandQuery(archive.lexicon, [w])[0]?.terms.length === 0)
        .map((w) => w.text);
      const kind = whyShort({
        shown,
        full: r?.hits.length ?? 0,
        // A quote answered as its words (MatcherOptions.unquote) is not a typo corrected.
        corrected: !!r?.correctedQuery && r.correctedQuery !== unquotedQuery(q),
        quoted: words !== null,
        unquoted,
        unknown,
      });
      counts.set(kind, (counts.get(kind) ?? 0) + 1);
      console.log(`${name}\t${id}\t${shown}\t${kind}\t${q}${detail(r)}${unknown.length ? `\tunknown: ${unknown.join(" ")}` : ""}`);
    }
    total += short;
    console.error(`${name}: ${short} of ${queries.length} below ${below}`);
  }
  console.log(`\n${total} queries with fewer than ${below} on the first page`);
  for (const [kind, n] of [...counts].sort((a, b) => b[1] - a[1])) console.log(`${n}\t${kind}`);
}

function detail(r: MatchResult | null): string {
  if (!r) return "";
  const flags = [r.correctedQuery && `corrected: ${r.correctedQuery}`, r.alone && "alone", r.relaxed && "relaxed"].filter(Boolean);
  return `\tfull ${r.hits.length}, near ${r.nearMisses.length}${flags.length ? `, ${flags.join(", ")}` : ""}`;
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
