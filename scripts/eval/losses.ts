// Where we lose to a peer, query by query: for every judged query of the tuning sets (frozen
// grades with the additions, and every held-out set that is a tuning set now) where our nDCG@5
// is below the peer's, each article the peer puts in its top 5 with a higher grade than ours at
// that rank is looked up in our results: "order" when we match it (its rank in our ranking, full
// match or near miss), "recall" when we do not (with the query words its text lacks, as typed
// and folded).
//
//   npx tsx scripts/eval/losses.ts --index=DIR --corpus=../shared/corpus/baomoi-2017.jsonl.gz --peers=/tmp/peers.json [--peer="MiniSearch + vi folding"]
//     [--heldout-file=data/eval/judged-heldout3.json,…]   (default: every held-out set that is a tuning set now, read from
//     data/eval's "frozen" flags by tuning-sets.ts, never the set kept for its report; the --peers file must hold the sets'
//     queries, as ablate.ts --heldout --heldout-file=FILE --peers=FILE writes it: queries it lacks are counted, not compared)
//   npx tsx scripts/eval/losses.ts --index=DIR --corpus=FILE --lacking [--heldout-file=A.json,B.json,…]
//     (no --peers: every set's articles graded 2 that lack exactly one query word, as typed, with where we rank
//     them (full match, near miss, or not listed) and whether that costs us: a lower grade in our top 5; a count
//     per set at the end; the same default sets. The cause of held-out12's w02 and held-out13's x06: a verb said in other words.)
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { cliArgs } from "../cli";
import type { Article } from "@/lib/corpus/types";
import { createMatcher } from "@/lib/search/matcher";
import { parseQuery } from "@/lib/search/query-parse";
import { tokenize } from "@/lib/text/analyzer";
import { openSaved } from "./corpus-cache";
import { loadAdditions, loadJudged, ndcgAt, withAdditions, type JudgedQuery } from "./judged";
import { tuningHeldOutSets } from "./tuning-sets";

const { values: args } = cliArgs(__filename, {
  options: {
    corpus: { type: "string", default: path.resolve(__dirname, "../../../shared/corpus/baomoi-2017.jsonl.gz") },
    index: { type: "string" },
    peers: { type: "string" },
    peer: { type: "string", default: "MiniSearch + vi folding" },
    depth: { type: "string", default: "1000" },
    // No fixed default: the tuning held-out sets are read from data/eval's flags (heldoutFiles below).
    "heldout-file": { type: "string" },
    lacking: { type: "boolean", default: false },
  },
});

/** The query words an article's text lacks: as typed (a marked word by its spelling) or at all (folded). */
export function lackedWords(q: string, a: Pick<Article, "title" | "paragraphs" | "captions">): { typed: string[]; folded: string[] } {
  const words = parseQuery(q).words;
  const tokens = tokenize([a.title, ...a.paragraphs, ...a.captions].join("\n"));
  const terms = new Set(tokens.map((t) => t.term));
  const folds = new Set(tokens.map((t) => t.folded));
  return {
    typed: words.filter((w) => (w.marked ? !terms.has(w.term) : !folds.has(w.folded))).map((w) => w.text),
    folded: words.filter((w) => !folds.has(w.folded)).map((w) => w.text),
  };
}

/** Our ranking of a query as the page lists it (near misses mixed by score when the matcher mixes them), and which are near misses. */
function ourRanking(matcher: ReturnType<typeof createMatcher>, q: string, depth: number): { ours: string[]; near: Set<string> } {
  const r = matcher.match(q);
  const ranked = r ? (r.mixed ? r.top(depth, "relevance", [...r.hits, ...r.nearMisses]) : [...r.top(depth), ...r.top(depth, "relevance", r.nearMisses)]) : [];
  return { ours: ranked.map((h) => h.seg.rank.ids[h.d]), near: new Set(r?.nearMisses.map((h) => h.seg.rank.ids[h.d]) ?? []) };
}

/** --lacking: articles graded 2 lacking exactly one query word, set by set, and whether each costs us a place in the top 5. */
function lacking(matcher: ReturnType<typeof createMatcher>, byId: Map<string, Article>, sets: [string, JudgedQuery[]][], depth: number) {
  console.log("| set | query | ours | article (grade) | lacks | where we list it | costs us |");
  console.log("|---|---|---|---|---|---|---|");
  const counts: string[] = [];
  for (const [set, queries] of sets) {
    const costly = new Set<string>();
    let articles = 0;
    for (const jq of queries) {
      const { ours, near } = ourRanking(matcher, jq.q, depth);
      const top = ours.slice(0, 5);
      const lowest = Math.min(...top.map((id) => jq.grades[id] ?? 0), top.length < 5 ? 0 : 2);
      for (const [id, grade] of Object.entries(jq.grades)) {
        const art = byId.get(id);
        if (grade !== 2 || !art) continue;
        const lack = lackedWords(jq.q, art).typed;
        if (lack.length !== 1) continue;
        articles++;
        const at = ours.indexOf(id);
        const where = at < 0 ? "not listed" : `${at + 1}${near.has(id) ? " (near miss)" : ""}`;
        const costs = (at < 0 || at >= 5) && lowest < 2;
        if (costs) costly.add(jq.id);
        console.log(
          `| ${set} | ${jq.id} ${jq.q} | ${ndcgAt(ours, jq.grades, 5).toFixed(2)} | ${id} (2) ${art.title.slice(0, 50)} | ${lack[0]} | ${where} | ${costs ? "yes" : "no"} |`,
        );
      }
    }
    counts.push(
      `${set}: ${articles} articles graded 2 lack one word; ${costly.size} queries where one is out of a top 5 holding a lower grade (${[...costly].join(", ")})`,
    );
  }
  console.log("\n" + counts.join("\n"));
}

/** The held-out files to read (relative to the repository root unless absolute): --heldout-file's, or every tuning held-out set. */
function heldoutFiles(): string[] {
  return args["heldout-file"]?.split(",") ?? tuningHeldOutSets().map((s) => path.join("data/eval", s.file));
}

/** The tuning sets' queries by set: the frozen set with the additions, then each held-out file by its name. */
function judgedSets(): [string, JudgedQuery[]][] {
  return [
    ["frozen+add", withAdditions(loadJudged(), loadAdditions()).queries],
    ...heldoutFiles().map((f): [string, JudgedQuery[]] => [
      path.basename(f, ".json").replace(/^judged-/, ""),
      withAdditions(loadJudged(path.resolve(__dirname, "../..", f)), loadAdditions()).queries,
    ]),
  ];
}

async function main() {
  if (!args.index || (!args.peers && !args.lacking)) throw new Error("--index=DIR and --peers=FILE (or --lacking) are required");
  if (statSync(args.corpus!).isDirectory()) throw new Error(`--corpus must name the corpus file, not a folder: ${args.corpus}`);
  const live = await openSaved(args.corpus!, args.index);
  const archive = live.archive;
  const byId = new Map<string, Article>();
  for (const seg of archive.segments) for (let d = 0; d < seg.rank.n; d++) if (!seg.rank.deleted?.[d]) byId.set(seg.rank.ids[d], seg.store.get(d));
  if (args.lacking) {
    const matcher = createMatcher(archive);
    lacking(matcher, byId, judgedSets(), Number(args.depth));
    await live.close();
    return;
  }
  const peers = JSON.parse(readFileSync(args.peers!, "utf8")) as Record<string, Record<string, string[]>>;
  const peer = peers[args.peer!];
  if (!peer) throw new Error(`no peer named ${args.peer} in ${args.peers}`);
  const matcher = createMatcher(archive);
  const sets = judgedSets();
  // A query the peers file lacks would read as a peer's nDCG of 0, a loss never shown: say so instead.
  const unmatched = sets.map(([set, queries]) => [set, queries.filter((jq) => !(jq.id in peer)).length] as const).filter(([, n]) => n > 0);
  for (const [set, n] of unmatched)
    console.error(`${set}: ${n} queries not in ${args.peers} (not compared; give ablate.ts --heldout-file=… a new --peers file)`);
  console.log(`| set | query | ours | ${args.peer} | lost article (grade) | cause | detail |`);
  console.log("|---|---|---|---|---|---|---|");
  for (const [set, queries] of sets) {
    for (const jq of queries) {
      if (!(jq.id in peer)) continue;
      const { ours, near } = ourRanking(matcher, jq.q, Number(args.depth));
      const a = ndcgAt(ours, jq.grades, 5);
      const b = ndcgAt(peer[jq.id], jq.grades, 5);
      if (a >= b - 1e-9) continue;
      const top = ours.slice(0, 5);
      const lost = peer[jq.id].slice(0, 5).filter((id) => (jq.grades[id] ?? 0) > 0 && !top.includes(id));
      const ourGrades = top.map((id) => (id in jq.grades ? String(jq.grades[id]) : "-")).join(" ");
      if (!lost.length) console.log(`| ${set} | ${jq.id} ${jq.q} | ${a.toFixed(2)} | ${b.toFixed(2)} | — | order | our top 5 ${ourGrades} |`);
      for (const id of lost) {
        const at = ours.indexOf(id);
        const art = byId.get(id);
        const lack = art ? lackedWords(jq.q, art) : null;
        const cause = at >= 0 ? "order" : "recall";
        const detail =
          at >= 0
            ? `our rank ${at + 1}${near.has(id) ? " (near miss)" : ""}; our top 5 ${ourGrades}`
            : `lacks as typed: ${lack?.typed.join(", ") || "—"}; at all: ${lack?.folded.join(", ") || "—"}`;
        console.log(
          `| ${set} | ${jq.id} ${jq.q} | ${a.toFixed(2)} | ${b.toFixed(2)} | ${id} (${jq.grades[id]}) ${art?.title.slice(0, 60) ?? ""} | ${cause} | ${detail} |`,
        );
      }
    }
  }
  await live.close();
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
