// The query path's stages (docs/performance.md), as rules over a profile's frames (`name file:line`,
// innermost first; cpu-profile.ts stageOf): query-stages.ts gives CPU samples to them,
// query-alloc.ts sampled allocations.
import type { StageRule } from "./cpu-profile";

const fn = (names: string, file: string) => new RegExp(`^(${names})\\d* [^ ]*lib/search/${file.replace(/[.]/g, "\\.")}:`);

/** Whole other queries' work inside this one's, checked outermost frame first. */
export const CONTEXTS: StageRule[] = [
  { stage: "suggestion checked (offered: the suggested query scored)", match: fn("offered", "matcher.ts") },
  { stage: "correction tried (correctQuery, rareNameFix and their scoring)", match: fn("correctQuery|rareNameFix", "correct.ts") },
];

/** The query path's stages, checked at each frame, innermost frame first. */
export const STAGES: StageRule[] = [
  { stage: "GC", match: /^\(garbage collector\) / },
  { stage: "reading: parse", match: new RegExp(`[^ ]*lib/search/query-parse\\.ts:|^tokenize\\d* `) },
  { stage: "reading: run-together", match: new RegExp(`[^ ]*lib/search/run-together\\.ts:`) },
  { stage: "reading: names (nameRuns, person ids, title names)", match: /^(nameRuns|personIdsOf|isPerson|titleNameTerms|stretches)\d* / },
  // Before the reading's rule: typoCandidates lives in query-expand.ts but serves corrections and suggestions (fast30).
  {
    stage: "typo candidates (typoCandidates: the vocabulary's fuzzy search, vnDistance)",
    match: new RegExp(`^(typoCandidates|typoNeighbours)\\d* [^ ]*lib/search/query-expand\\.ts:|[^ ]*lib/text/vn-distance\\.ts:`),
  },
  { stage: "reading: lexicon, variants, completions (expandQuery)", match: new RegExp(`[^ ]*lib/search/(query-expand|variants)\\.ts:`) },
  { stage: "suggestion looked for (suggestQuery: typo neighbours)", match: new RegExp(`[^ ]*lib/search/suggest\\.ts:`) },
  { stage: "accent reading (accentReading, holdersOf)", match: new RegExp(`[^ ]*lib/search/accents\\.ts:|^boost\\d* `) },
  { stage: "title names (addTitleNames)", match: /^(addTitleNames|titleHolders|titleHeld|nameIds|namePostings)\d* / },
  { stage: "exact scores: positional scans (refine)", match: /^(refineHits|scan|score|proximityScore)\d* / },
  { stage: "top k: bounds tightened (tighten, pair filters)", match: /^(tighten|mayHoldAny|holds)\d* / },
  { stage: "top k: selection (selectTop, bestBounds, raiseCut)", match: new RegExp(`[^ ]*lib/search/topk\\.ts:`) },
  { stage: "membership pass (memberPass)", match: /^memberPass\d* / },
  { stage: "scoring (accumulate)", match: /^accumulate\d* / },
  { stage: "phrases and names checked (phraseHolders)", match: /^(phraseHolders|holdsPhrases|countJoined)\d* / },
  { stage: "bounds (bound, loose rows, kthLargest)", match: /^(bound|keepLoose|looseRowOf|kthLargest|headless|mayPair|combos)\d* / },
  {
    stage: "per-segment set-up (scratch, scanner, stats, rules, localize, budget)",
    match:
      /^(createScratch|scratchOf|createScanner|queryStats|wideRule|minorWords|lackCredits|idfShares|localize|withinBudget|termIdf|exactDfOf|grow|ceiling|arm|release|open|inCompound|compound|joined)\d* /,
  },
  { stage: "members listed (run: candidates, near misses, lower bounds)", match: fn("run|dropExcluded|live|base|cover|fitOf|lackOf", "rank-score.ts") },
  { stage: "hits made (scoreAll, result)", match: fn("scoreAll|result|finish|wordsOf", "matcher.ts") },
  { stage: "reading: the rest of prepare", match: fn("prepare", "matcher.ts") },
  { stage: "match's own (run, match)", match: fn("run|match|topHits", "matcher.ts") },
  // Beyond match(): a whole search's stages (`--under compute`, query-profile.ts `--only search`).
  // TopK's methods (in facets.ts) serve the stories and the top k too: they count where they are called.
  {
    stage: "after match: the ten hits' snippets and titles marked",
    match: new RegExp(`[^ ]*lib/search/snippet\\.ts:|^(snippet|highlight|streamWords|maskOf|rulesOf)\\d* [^ ]*lib/search/matcher\\.ts:`),
  },
  { stage: "after match: the ten hits' document store", match: new RegExp(`[^ ]*lib/index/(docstore|raw-inflater)\\.ts:`) },
  { stage: "after match: the ten hits' rest (hit, stories' info)", match: fn("hit", "engine.ts") },
  { stage: "after match: stories (addHits, ranked, storyOf)", match: new RegExp(`[^ ]*lib/stories/story-index\\.ts:`) },
  {
    stage: "after match: facets and dates (countAll, visit, counters' top, date buckets)",
    match: new RegExp(
      `^(countAll|visit)\\d* [^ ]*lib/search/engine\\.ts:|^(?!push|sorted|last)\\w* [^ ]*lib/search/facets\\.ts:|[^ ]*lib/search/date-buckets\\.ts:`,
    ),
  },
  { stage: "after match: the page's order (rankedPage, mixedPage, nearMissPage)", match: fn("rankedPage|mixedPage|nearMissPage", "engine.ts") },
  { stage: "after match: the engine's own (compute, search)", match: new RegExp(`[^ ]*lib/search/engine\\.ts:`) },
];
