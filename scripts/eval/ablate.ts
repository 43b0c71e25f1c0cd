// Ablation of the ranking's features (lib/search/rank-score.ts RANK_WEIGHTS): the index is
// built once, then every variant (one feature off, or a weight changed) is measured on the
// judged natural queries (nDCG@5, condensed nDCG@5, P@5) and a known-item sample (MRR@10).
//
//   npx tsx scripts/eval/ablate.ts --cache [--queries=200] [--only=name,name] [--per-query] [--dump=file.json]
//   npx tsx scripts/eval/ablate.ts --cache --peers=/tmp/peers.json   # also score the peers (slow to build), cached in that file
//   npx tsx scripts/eval/ablate.ts --index=DIR                        # a saved index of the corpus (npm run index) instead of indexing it
//   npx tsx scripts/eval/ablate.ts --index=DIR --heldout --peers=NEW_FILE   # also nDCG@5 on the held-out set kept for its report (for reports,
//     not for tuning): the one data/eval/judged-heldoutN.json whose "frozen" is true (tuning-sets.ts frozenHeldOutSet); with none or two
//     frozen (a new set written before the last one's flip) it stops and asks for --heldout-file
//   npx tsx scripts/eval/ablate.ts --index=DIR --heldout --heldout-file=data/eval/judged-heldout3.json   # another held-out set
//     (--heldout-file=FILE, relative to the repository root unless absolute, default the frozen held-out set above, is read only with
//     --heldout. The --peers cache is keyed by query id: a cache written without FILE's queries shows "—" in the peers'
//     held-out column, so give such a set a new --peers file.) The held-out set is scored with the grades of
//     data/eval/judged-additions.json for its queries (none for the frozen held-out set, never graded on request) and, with
//     --heldout-additions=FILE (the additions' format, e.g. data/eval/judged-heldout5-end.json), with FILE's too.
//   npx tsx scripts/eval/ablate.ts --index=DIR --heldout --heldout-file=data/eval/judged-heldout2.json,data/eval/judged-heldout3.json
//     (several files, comma-separated: one column each, every set measured in one run; the --peers file must hold every
//     set's queries, so give such a list a new --peers file)
//   npx tsx scripts/eval/ablate.ts --index=DIR --dump-dir=DIR           # each variant's judged tops in DIR/<variant>.json (to grade what they surface)
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { cliArgs } from "../cli";
import { LiveIndex } from "@/lib/index/live-index";
import { memoryArchive } from "@/lib/index/memory";
import { createMatcher, type MatcherOptions } from "@/lib/search/matcher";
import { NEAR_MISS, RANK_WEIGHTS, type RankWeights } from "@/lib/search/rank-score";
import { loadArticles } from "./corpus-cache";
import { condensedNdcgAt, judgedAt, loadAdditions, loadJudged, ndcgAt, precisionAt, withAdditions, type JudgedSet } from "./judged";
import { reciprocalRank, shownTen } from "./metrics";
import { flexSearchVi, miniSearchVi } from "./peers";
import { absentQueries } from "./absent";
import { buildQuerySets, liveArticles } from "./queries";
import { frozenHeldOutSet } from "./tuning-sets";

/** Named variants: the ranking as it is, each feature off, near misses off, and older experiments. */
function variants(): [string, MatcherOptions][] {
  const w = RANK_WEIGHTS;
  const v = (over: Partial<RankWeights>): MatcherOptions => ({ weights: { ...w, ...over } });
  return [
    ["as landed", {}],
    ["no title part", v({ title: 0 })],
    ["no coverage", v({ coverage: 0 })],
    ["no head", v({ head: 0 })],
    ["no pairs", v({ pairs: 0 })],
    ["no near", v({ near: 0 })],
    ["no flow", v({ flow: 0 })],
    ["span 5", v({ span: 5 })],
    ["span 10", v({ span: 10 })],
    ["span 20", v({ span: 20 })],
    ["span 40", v({ span: 40 })],
    ["span 20, head windows only (spanBody 0)", v({ span: 20, spanBody: 0 })],
    ["marks 1: a marked word counted by its own spelling's term frequency", v({ marks: 1 })],
    ["head 10", v({ head: 10 })],
    ["head 20", v({ head: 20 })],
    // A title-first head (RankWeights.headPower, headLead, headCompound), measured 2026-11-26 11:45–12:00, not landed;
    // headCompound 1 reads a compound in the title from the positional pass since 2026-11-26 14:30 (docs/history/relevance-log.md).
    ...[0, 1].flatMap((headCompound) =>
      [3, 5, 7].flatMap((head) =>
        [1.5, 2, 3].flatMap((headPower) =>
          [0, 0.25, 0.5, 0.75, 1].map((headLead): [string, MatcherOptions] => [
            `head ${head}, idf^${headPower}, lead ${headLead}${headCompound ? ", compounds whole in the title" : ""}`,
            v({ head, headLead, headPower, headCompound }),
          ]),
        ),
      ),
    ),
    // A larger title-first head, compounds read whole in the title (2026-11-26 14:40, docs/history/relevance-log.md).
    ...[10, 15, 20, 30].flatMap((head) =>
      [1, 2].flatMap((headPower) =>
        [0.5, 1].map((headLead): [string, MatcherOptions] => [
          `head ${head}, idf^${headPower}, lead ${headLead}, compounds whole in the title`,
          v({ head, headLead, headPower, headCompound: 1 }),
        ]),
      ),
    ),
    // Head with flatter word weights (rank16, 2026-11-27): a common word (a place, `Mỹ`, `Hà Nội`) in the title or lead counts nearer a rare one.
    ...[0, 0.5].flatMap((headPower) => [5, 10].map((head): [string, MatcherOptions] => [`head ${head}, idf^${headPower}`, v({ head, headPower })])),
    // The share of the title the query's words take (RankWeights.fit, rank22 2026-11-28): the order within full pages.
    ["no titleFit (fit 0, before 2026-11-28 rank22)", v({ fit: 0 })],
    ...[10, 20, 30, 60].map((fit): [string, MatcherOptions] => [`titleFit ${fit}`, v({ fit })]),
    ["flow 2", v({ flow: 2 })],
    ["flow 8", v({ flow: 8 })],
    ["flow 12", v({ flow: 12 })],
    ["flow: adjacent only (flowNear 0)", v({ flowNear: 0 })],
    ["body pairs 0.25", v({ pairFields: { ...w.pairFields, body: 0.25 } })],
    ["BM25F + pairs only (main's relevance without tiers)", v({ title: 0, head: 0, near: 0 })],
    ["body pairs 1", v({ pairFields: { ...w.pairFields, body: 1 } })],
    ["every joined pair one word for the title part (compound 0, as before)", v({ compound: 0 })],
    ["compound 0.4", v({ compound: 0.4 })],
    ["no accent (the unmarked query's marked reading, #11)", v({ accent: 0 })],
    // The unmarked query's marked reading weighted more (RankWeights.accent; rank16 2026-11-27 on nine sets: 4, 8, 16; rank30 on twenty-three: 8, 16, 32, all lose).
    ...[4, 8, 16, 32].map((accent): [string, MatcherOptions] => [`accent ${accent}`, v({ accent })]),
    ["no near misses", { nearMiss: false }],
    ["near misses after every full match (before #9's mixing)", { mix: false }],
    // What lacking a word costs, weighed by how informative it is (RankWeights.coveragePower, NearMissRule.sharePower, rank20 2026-11-27).
    ...[1.5, 2, 3].map((coveragePower): [string, MatcherOptions] => [`coveragePower ${coveragePower}`, v({ coveragePower })]),
    ...[1.5, 2, 3].map((p): [string, MatcherOptions] => [`minor by idf^${p} share (sharePower ${p})`, { nearMissRule: { ...NEAR_MISS, sharePower: p } }]),
    ...[1.5, 2, 3].map((p): [string, MatcherOptions] => [
      `coveragePower ${p}, sharePower ${p}`,
      { ...v({ coveragePower: p }), nearMissRule: { ...NEAR_MISS, sharePower: p } },
    ]),
    ...[0.2, 0.25].map((share): [string, MatcherOptions] => [
      `coveragePower 2, sharePower 2, share ${share}`,
      { ...v({ coveragePower: 2 }), nearMissRule: { ...NEAR_MISS, sharePower: 2, share } },
    ]),
    ...[0.25, 0.5, 1].map((lackForgive): [string, MatcherOptions] => [`lackForgive ${lackForgive}`, v({ lackForgive })]),
    ["mixed, coverage 10", v({ coverage: 10 })],
    ["mixed, coverage 40", v({ coverage: 40 })],
    ["mixed, coverage 80", v({ coverage: 80 })],
    ["mixed, coverage 60", v({ coverage: 60 })],
    ["mixed, coverage 120", v({ coverage: 120 })],
    ["mixed, coverage 200", v({ coverage: 200 })],
    ["long queries (5+ words) may lack 2 minor words", { nearMissRule: { ...NEAR_MISS, longLack: 2 } }],
    ["long queries (5+ words) may lack 3 minor words", { nearMissRule: { ...NEAR_MISS, longLack: 3 } }],
    ["long queries (8+ words) may lack 2 minor words", { nearMissRule: { ...NEAR_MISS, longWords: 8, longLack: 2 } }],
    ["minor: share 0.2", { nearMissRule: { ...NEAR_MISS, share: 0.2 } }],
    ["minor: df 0.01", { nearMissRule: { ...NEAR_MISS, df: 0.01 } }],
    ["minor: share 0.2, long queries lack 2", { nearMissRule: { ...NEAR_MISS, share: 0.2, longLack: 2 } }],
    ["minor: share 0.25, long queries lack 2", { nearMissRule: { ...NEAR_MISS, share: 0.25, longLack: 2 } }],
    ["coverage 40, minor: share 0.2, long queries lack 2", { ...v({ coverage: 40 }), nearMissRule: { ...NEAR_MISS, share: 0.2, longLack: 2 } }],
    ["coverage 80, minor: share 0.2, long queries lack 2", { ...v({ coverage: 80 }), nearMissRule: { ...NEAR_MISS, share: 0.2, longLack: 2 } }],
    ["no name runs", { names: false }],
    // The query's names and codes in the title (RankWeights.titleNames, title-names.ts, rank18 2026-11-27).
    ["names in the title not counted (titleNames 0, before 2026-11-27 rank18)", v({ titleNames: 0 })],
    ...[2, 5].map((titleNames): [string, MatcherOptions] => [`titleNames ${titleNames}`, v({ titleNames })]),
    // The query's subject: its rarest word in the title, or named often in the text (RankWeights.subject, subject.ts, rank32 2026-11-29).
    ...[5, 10, 15, 20].map((subject): [string, MatcherOptions] => [`subject ${subject}`, v({ subject })]),
    // Words typed in lower case that the archive writes capitalised read as names (MatcherOptions.nameShare, word-case.ts, rank19 2026-11-27).
    ["lower-case words are never names (nameShare off, before 2026-11-27 rank19)", { nameShare: Infinity }],
    ...[0.9, 0.98].map((nameShare): [string, MatcherOptions] => [`nameShare ${nameShare}`, { nameShare }]),
    // Places of two or more words typed with capitals read as names (matcher.ts PLACE_NAMES, rank16 2026-11-27).
    ["places typed with capitals are not names (placeNames false, before 2026-11-27)", { placeNames: false }],
    ["names typed in lower case are words (lowerNames false, before 2026-11-27)", { lowerNames: false }],
    // A name the facet holds from one article keeps only the core another person it names has (MatcherOptions.nameCore, rank31 2026-11-29).
    ["a name's every known word stands together (nameCore false, before 2026-11-29 rank31)", { nameCore: false }],
    ["dates as typed only (dateSpellings false, before 2026-11-27)", { dateSpellings: false }],
    // A month typed after `tháng` matches the dates written with it (`1/10/2017`: MatcherOptions.monthDates, rank31 2026-11-29).
    ["a month typed after tháng matches itself only (monthDates false, before 2026-11-29 rank31)", { monthDates: false }],
    ["before rank31 (nameCore and monthDates false)", { nameCore: false, monthDates: false }],
    ["before rank17 (lowerNames and dateSpellings false)", { lowerNames: false, dateSpellings: false }],
    // A decimal's other separator (query-expand.ts decimalSpellings, rank21 2026-11-27).
    ["decimals as typed only (decimalSpellings false, before 2026-11-27 rank21)", { decimalSpellings: false }],
    // A code's inner pairs (U23 → u, 23) in pairs, near and flow (RankWeights.codePairs, rank21 2026-11-27).
    ["a code's inner pairs count as pairs (codePairs 1)", v({ codePairs: 1 })],
    ["codePairs 0.5", v({ codePairs: 0.5 })],
    ["wide near misses whatever the number of full matches (wideBelow Infinity)", { nearMissRule: { ...NEAR_MISS, wideBelow: Infinity } }],
    ["wide near misses below 20 full matches", { nearMissRule: { ...NEAR_MISS, wideBelow: 20 } }],
    // Only full matches that may write a joined pair of the query adjacent count toward wideBelow (NearMissRule.wideJoined, 2026-11-27).
    ["scattered full matches count toward wideBelow (wideJoined false, before 2026-11-27)", { nearMissRule: { ...NEAR_MISS, wideJoined: false } }],
    // Only full matches that may write half the query's joined pairs count (NearMissRule.wideJoinedShare 0.5, rank29 2026-11-28).
    [
      "one joined pair makes a full match count toward wideBelow (wideJoinedShare 0, before 2026-11-28 rank29)",
      { nearMissRule: { ...NEAR_MISS, wideJoinedShare: 0 } },
    ],
    ...[0.25, 0.34, 0.67].map((wideJoinedShare): [string, MatcherOptions] => [
      `wideJoinedShare ${wideJoinedShare}`,
      { nearMissRule: { ...NEAR_MISS, wideJoinedShare } },
    ]),
    // A joined pair counts by its idf toward wideJoinedShare's two pairs or more (NearMissRule.wideJoinedIdf, rank30 2026-11-29: not on, leave-one-set-out keeps it off).
    ["joined pairs weighed by their idf toward wideJoinedShare (wideJoinedIdf, rank30)", { nearMissRule: { ...NEAR_MISS, wideJoinedIdf: true } }],
    // Near misses listed alone when nothing matches, lacking lower-case words only (NearMissRule.listAlone, landed 2026-11-26 23:15 at 5 words, 4 since 2026-11-28 rank26).
    ["no near misses alone (listAlone 0, #11's honest nothing before 2026-11-26 23:15)", { nearMissRule: { ...NEAR_MISS, listAlone: 0 } }],
    ["near misses alone from 3 words (listAlone 3)", { nearMissRule: { ...NEAR_MISS, listAlone: 3 } }],
    ["near misses alone from 5 words (listAlone 5, before 2026-11-28 rank26)", { nearMissRule: { ...NEAR_MISS, listAlone: 5 } }],
    // A quote no article writes answered as its words, said as a corrected query (MatcherOptions.unquote, rank26 2026-11-28).
    ["quotes that match nothing answer nothing (unquote false, before 2026-11-28 rank26)", { unquote: false }],
    ["before rank26 (unquote false, listAlone 5)", { unquote: false, nearMissRule: { ...NEAR_MISS, listAlone: 5 } }],
    // Near misses listed alone may lack an abbreviation no article writes (NearMissRule.aloneUnwritten, rank27 2026-11-28).
    ["unwritten abbreviations never lacked (aloneUnwritten false, before 2026-11-28 rank27)", { nearMissRule: { ...NEAR_MISS, aloneUnwritten: false } }],
    // A rare capitalised word read as its far commoner spelling when the query finds almost nothing (correct.ts rareNameFix, 2026-11-26 23:45).
    ["no rare-name fix (nameFix false)", { nameFix: false }],
    // A word typed run together read as the two the archive writes apart (run-together.ts, 2026-11-27).
    ["words typed run together read as typed only (runTogether false, before 2026-11-27)", { runTogether: false }],
    ["syllables typed apart not matched glued (glued false, before rank28)", { glued: false }],
    ["abbreviations read as typed only (abbreviations false, before 2026-11-28 rank23)", { abbreviations: false }],
    ["two-word long forms read as their abbreviation too (abbreviationLong 2)", { abbreviationLong: 2 }],
    ["typed long forms never read as their abbreviation (abbreviationLong Infinity)", { abbreviationLong: Infinity }],
    // A long form of three syllables or more read when the short form replaces it in its articles (abbreviations.ts pickByPhrase, rank33; off as landed).
    ["the phrase rule (abbreviationPhrase 3, rank33: HCM, THPT, HLV)", { abbreviationPhrase: 3 }],
    ["the phrase rule from four syllables (abbreviationPhrase 4)", { abbreviationPhrase: 4 }],
    // Near misses listed alone: a compound binds two Vietnamese syllables only (NearMissRule.aloneSyllables, rank33).
    ["a loanword binds a compound for near misses alone (aloneSyllables false, before rank33)", { nearMissRule: { ...NEAR_MISS, aloneSyllables: false } }],
    ["near misses alone from 6 words (listAlone 6, rank9's experiment)", { nearMissRule: { ...NEAR_MISS, listAlone: 6 } }],
    ["k1 0.8", v({ k1: 0.8 })],
    ["k1 1.6", v({ k1: 1.6 })],
    ["k1 2.0", v({ k1: 2.0 })],
    ["fields: title 3", v({ fields: { ...w.fields, title: 3 } })],
    ["fields: title 8", v({ fields: { ...w.fields, title: 8 } })],
    ["fields: lead 1", v({ fields: { ...w.fields, lead: 1 } })],
    ["fields: lead 3", v({ fields: { ...w.fields, lead: 3 } })],
    ["title part 0.5", v({ title: 0.5 })],
    ["title part 2", v({ title: 2 })],
    ["pairs 0.5", v({ pairs: 0.5 })],
    ["pairs 2", v({ pairs: 2 })],
    ["near 1", v({ near: 1 })],
    ["no wide near misses (long queries lack minor words only, as before 2026-11-26 08:40)", { nearMissRule: { ...NEAR_MISS, wideWords: 0, wideShort: 0 } }],
    ...[3, 4, 5, 6, 7, 8].flatMap((words) =>
      [0.2, 0.3, 0.4, 0.5].map((share): [string, MatcherOptions] => [
        `wide near misses: ${words}+ words may lack ${share} of the idf`,
        { nearMissRule: { ...NEAR_MISS, wideWords: words, wideShare: share } },
      ]),
    ),
    ["missing words up to 0.2 of the idf (mixed with full matches)", { missShare: 0.2, nearMiss: false }],
    // A run of capitalised words lacked only whole (NearMissRule.capitalRuns, landed 2026-11-26 20:45).
    ["capital runs lacked in part (capitalRuns false, before 2026-11-26 20:45)", { nearMissRule: { ...NEAR_MISS, capitalRuns: false } }],
    // Wide near misses for queries of 4–5 words, lower-case words only and compounds whole (NearMissRule.wideShort, landed 2026-11-26 20:20).
    ["no wide near misses under 6 words (wideShort 0, before 2026-11-26 20:20)", { nearMissRule: { ...NEAR_MISS, wideShort: 0 } }],
    // From 3 words since 2026-11-27 rank20 (a report saying the verb in other words: `Tuchel rời Dortmund`); from 4 before.
    ...[4, 5].map((wideShort): [string, MatcherOptions] => [
      `wide near misses from ${wideShort} words (wideShort ${wideShort}${wideShort === 4 ? ", before 2026-11-27 rank20" : ""})`,
      { nearMissRule: { ...NEAR_MISS, wideShort } },
    ]),
  ];
}

const { values: args } = cliArgs(__filename, {
  options: {
    corpus: { type: "string", default: path.resolve(__dirname, "../../../shared/corpus/baomoi-2017.jsonl.gz") },
    queries: { type: "string", default: "200" },
    seed: { type: "string", default: "42" },
    only: { type: "string" },
    cache: { type: "boolean", default: false },
    "per-query": { type: "boolean", default: false },
    dump: { type: "string" },
    "dump-dir": { type: "string" },
    peers: { type: "string" },
    index: { type: "string" },
    heldout: { type: "boolean", default: false },
    // No fixed default: the frozen held-out set is read from data/eval's flags when --heldout asks for it.
    "heldout-file": { type: "string" },
    "heldout-additions": { type: "string" },
  },
});

type Tops = Record<string, string[]>;

function judgedFigures(set: JudgedSet, tops: Tops) {
  const n = set.queries.length || 1;
  const sum = (f: (top: string[], grades: JudgedSet["queries"][number]["grades"]) => number) =>
    set.queries.reduce((a, jq) => a + f(tops[jq.id] ?? [], jq.grades), 0) / n;
  return {
    ndcg: sum((t, g) => ndcgAt(t, g, 5)),
    condensed: sum((t, g) => condensedNdcgAt(t, g, 5)),
    p5: sum((t, g) => precisionAt(t, g, 5)),
    judged: sum((t, g) => judgedAt(t, g, 5)),
  };
}

/** nDCG@5 on the long queries (8–12 words) alone. */
function longFigure(set: JudgedSet, tops: Tops): number {
  return judgedFigures({ ...set, queries: set.queries.filter((q) => q.tags.includes("long")) }, tops).ndcg;
}

async function main() {
  // A saved index (npm run index) loads in seconds; else the articles are indexed here. The
  // manifest names the corpus directory absolute: a relative path or a folder given as
  // --corpus would not be it (the reader then fails at once, saying why).
  if (statSync(args.corpus!).isDirectory()) throw new Error(`--corpus must name the corpus file (.jsonl.gz), not a folder: ${args.corpus}`);
  const saved = args.index
    ? await LiveIndex.open({ corpusDir: path.resolve(path.dirname(args.corpus!)), indexDir: path.resolve(args.index), reader: true, waitForWriter: false })
    : null;
  const articles = saved ? liveArticles(saved.archive) : (await loadArticles(args.corpus!, args.cache!)).articles;
  const judged = loadJudged();
  const added = withAdditions(judged, loadAdditions());
  const fromRoot = (file: string) => path.resolve(__dirname, "../..", file);
  const heldoutFiles = args.heldout ? (args["heldout-file"] ?? path.join("data/eval", frozenHeldOutSet().file)).split(",") : [];
  const heldouts = heldoutFiles.map((file) => {
    const set = withAdditions(loadJudged(fromRoot(file)), loadAdditions());
    return {
      name: path.basename(file, ".json").replace(/^judged-/, ""),
      set: args["heldout-additions"] ? withAdditions(set, loadAdditions(fromRoot(args["heldout-additions"]))) : set,
    };
  });
  const heldoutQueries = heldouts.flatMap((h) => h.set.queries);
  // Tops and the peers cache are keyed by query id: a held-out id equal to a frozen one (or another set's) would overwrite it.
  const seen = new Set(judged.queries.map((q) => q.id));
  const clash = heldoutQueries.filter((q) => seen.has(q.id) || !seen.add(q.id)).map((q) => q.id);
  if (clash.length) throw new Error(`held-out ids also in the frozen set or another held-out set: ${clash.join(", ")}`);
  let peers: Record<string, Tops> = {};
  if (args.peers && existsSync(args.peers)) peers = JSON.parse(readFileSync(args.peers, "utf8")) as Record<string, Tops>;
  else if (args.peers) {
    for (const [name, build] of [
      ["MiniSearch + vi folding", miniSearchVi],
      ["FlexSearch + vi folding", flexSearchVi],
    ] as const) {
      const engine = build(articles);
      peers[name] = Object.fromEntries([...judged.queries, ...heldoutQueries].map((jq) => [jq.id, engine(jq.q)]));
    }
    writeFileSync(args.peers, JSON.stringify(peers));
  }
  const archive = saved?.archive ?? memoryArchive(articles);
  const sets = buildQuerySets(articles, Number(args.queries), Number(args.seed));
  const only = args.only?.split("|");
  // As npm run eval counts them: right when answered with nothing (no full match, no near miss) or a flagged correction.
  const absent = absentQueries(articles).absent;

  const ho = (tops: Tops) => heldouts.map((h) => ` ${h.set.queries.every((q) => q.id in tops) ? judgedFigures(h.set, tops).ndcg.toFixed(3) : "—"} |`).join("");
  const hoNames = heldouts.length === 1 ? " held out |" : heldouts.map((h) => ` ${h.name} |`).join("");
  console.log(
    `| ranking | nDCG@5 | condensed | P@5 | judged share | long (4) | with additions |${hoNames} exact MRR@10 | stripped | tone (same set exact) | one letter deleted | absent right | ms/query |`,
  );
  console.log(`|---|---|---|---|---|---|---|${heldouts.map(() => "---|").join("")}---|---|---|---|---|---|`);
  for (const [name, tops] of Object.entries(peers)) {
    const j = judgedFigures(judged, tops);
    console.log(
      `| ${name} | ${j.ndcg.toFixed(3)} | ${j.condensed.toFixed(3)} | ${j.p5.toFixed(3)} | ${j.judged.toFixed(3)} | ${longFigure(judged, tops).toFixed(3)} | ${judgedFigures(added, tops).ndcg.toFixed(3)} |${ho(tops)} | | | | | |`,
    );
  }
  let first: Tops | null = null;
  for (const [name, options] of variants()) {
    if (only && !only.includes(name)) continue;
    const matcher = createMatcher(archive, options);
    const top = (q: string) => shownTen(matcher.match(q));
    const t0 = performance.now();
    const tops: Tops = Object.fromEntries([...judged.queries, ...heldoutQueries].map((jq) => [jq.id, top(jq.q)]));
    const j = judgedFigures(judged, tops);
    // No known items asked (--queries=0): "—", not an MRR of 0.
    const mrr = (items: { q: string; target: string }[]) =>
      items.length ? items.reduce((a, it) => a + reciprocalRank(top(it.q), it.target), 0) / items.length : NaN;
    const f3 = (x: number) => (Number.isNaN(x) ? "—" : x.toFixed(3));
    const exact = mrr(sets.exact);
    const stripped = mrr(sets.stripped);
    const tone = mrr(sets.tone);
    const toneExact = mrr(sets.toneExact);
    // A word with one letter deleted: what corrections and near misses alone answer (not timed: ms/query stays comparable).
    const t1 = performance.now();
    const typo = mrr(sets.typo);
    const typoMs = performance.now() - t1;
    const count = judged.queries.length + heldoutQueries.length + 2 * sets.exact.length + 2 * sets.tone.length;
    const ms = (performance.now() - t0 - typoMs) / count;
    const right = absent.filter((q) => {
      const r = matcher.match(q);
      return (r?.hits.length ?? 0) + (r?.nearMisses.length ?? 0) === 0 || !!r?.correctedQuery;
    }).length;
    console.log(
      `| ${name} | ${j.ndcg.toFixed(3)} | ${j.condensed.toFixed(3)} | ${j.p5.toFixed(3)} | ${j.judged.toFixed(3)} | ${longFigure(judged, tops).toFixed(3)} | ${judgedFigures(added, tops).ndcg.toFixed(3)} |${ho(tops)} ${f3(exact)} | ${f3(stripped)} | ${f3(tone)} (${f3(toneExact)}) | ${f3(typo)} | ${right}/${absent.length} | ${ms.toFixed(1)} |`,
    );
    first ??= tops;
    if (args["dump-dir"]) writeFileSync(path.join(args["dump-dir"], `${name.replace(/[^a-z0-9]+/gi, "-")}.json`), JSON.stringify(tops));
  }
  if (first && args["per-query"]) {
    // Frozen queries scored with the additions' grades too (the frozen grades alone in the
    // first column), then the held-out set: where each engine wins or loses, query by query.
    const names = ["ours", ...Object.keys(peers)];
    const engines = [first, ...Object.values(peers)];
    const gradeOf = (g: Record<string, number>) => (id: string) => (id in g ? String(g[id]) : "-");
    console.log(`\n| set | query | ${names.join(" | ")} | ours with additions | our top 5 (grade, - = unjudged) | ${names[1] ?? "peer"} top 5 |`);
    console.log(`|---|---|${names.map(() => "---|").join("")}---|---|---|`);
    const addedById = new Map(added.queries.map((q) => [q.id, q]));
    const rows = [
      ...judged.queries.map((q) => ["frozen", q] as const),
      ...heldouts.flatMap((h) => h.set.queries.map((q) => [heldouts.length === 1 ? "held out" : h.name, q] as const)),
    ];
    for (const [set, jq] of rows) {
      const row = engines.map((t) => ndcgAt(t[jq.id] ?? [], jq.grades, 5).toFixed(2));
      const withAdd = set === "frozen" ? ndcgAt(first[jq.id] ?? [], addedById.get(jq.id)!.grades, 5).toFixed(2) : "";
      const g = set === "frozen" ? addedById.get(jq.id)!.grades : jq.grades;
      const ours = (first[jq.id] ?? []).slice(0, 5).map(gradeOf(g));
      const peer = (engines[1]?.[jq.id] ?? []).slice(0, 5).map(gradeOf(g));
      console.log(`| ${set} | ${jq.id} ${jq.q} | ${row.join(" | ")} | ${withAdd} | ${ours.join(" ")} | ${peer.join(" ")} |`);
    }
  }
  if (first && args.dump) writeFileSync(args.dump, JSON.stringify(first, null, 1));
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
