// Where match()'s CPU goes, stage by stage of the query path (docs/performance.md): the samples of
// a `.cpuprofile` under `match` (query-profile.ts run under `node --cpu-prof`), each given to a
// stage. A sample inside a whole other query's work (a suggestion checked by scoring it, a
// correction or a name fix tried) goes to that context, whatever it runs; any other sample to the
// stage of its innermost frame some rule names (cpu-profile.ts stageOf). Profile a bundle with its
// source map, so each frame is named by its source file (esbuild renames functions it merges):
//   npx esbuild scripts/scale/query-profile.ts --bundle --platform=node --format=cjs --sourcemap \
//     --external:@riaskov/mmap-io --outfile=scripts/scale/.qp-bundle.js   # from the project directory
//   node --cpu-prof --cpu-prof-interval 100 --cpu-prof-dir=DIR scripts/scale/.qp-bundle.js --index I \
//     --query Q … --runs 30 --only match --clock cpu
//   npx tsx scripts/scale/query-stages.ts DIR/*.cpuprofile [--last S] [--other N]
// `--last S`: only the profile's last S seconds (leaves out the first runs, compiled cold).
// Prints milliseconds and shares per stage; `--other N`: the N largest innermost frames no rule names
// (with `--detail TEXT`: of the stages whose name holds TEXT instead).
import { cliArgs } from "../cli";
import { readProfile, samplesOf, SourceMaps, stageOf, type StageRule } from "./cpu-profile";

const { values, positionals } = cliArgs(__filename, {
  allowPositionals: true,
  options: {
    last: { type: "string" },
    other: { type: "string", default: "0" },
    under: { type: "string", default: "match" },
    detail: { type: "string" },
  },
});

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
];

const maps = new SourceMaps();
const out = new Map<string, number>();
const others = new Map<string, number>();
let kept = 0;
for (const file of positionals) {
  const { profile, byId, parent } = readProfile(file);
  const labels = new Map<number, string>();
  const label = (id: number) => {
    let l = labels.get(id);
    if (l === undefined) {
      const c = byId.get(id)!.callFrame;
      const o = maps.original(c.url, c.lineNumber, c.columnNumber ?? 0);
      const at = o ? `${o.source.replace(/^.*?(lib\/)/, "$1")}:${o.line}` : `${c.url}:${c.lineNumber + 1}`;
      labels.set(id, (l = `${c.functionName || "(anonymous)"} ${at}`));
    }
    return l;
  };
  for (const { ms, ids } of samplesOf(profile, parent, Number(values.last) || undefined)) {
    const names = ids.map((id) => byId.get(id)!.callFrame.functionName);
    // GC samples hang from the root: counted with the query path when they fall between its samples.
    const gc = names[0] === "(garbage collector)";
    if (!gc && !names.includes(values.under!)) continue;
    kept += ms;
    const stack = ids.map(label);
    const context = [...stack].reverse().find((l) => CONTEXTS.some((r) => r.match.test(l)));
    const stage = context ? stageOf([context], CONTEXTS) : stageOf(stack, STAGES);
    out.set(stage, (out.get(stage) ?? 0) + ms);
    // `--detail TEXT`: a stage's samples by their innermost frame instead of "other"'s.
    const listed = values.detail ? stage.includes(values.detail) : stage === "other";
    if (listed) others.set(stack[0], (others.get(stack[0]) ?? 0) + ms);
  }
}
console.log(`${(kept / 1000).toFixed(2)} s sampled under ${values.under} (and GC)${values.last ? `, the last ${values.last} s of each profile` : ""}`);
for (const stage of [...CONTEXTS, ...STAGES].map((r) => r.stage).concat("other")) {
  const ms = out.get(stage);
  if (ms) console.log(`${ms.toFixed(0).padStart(8)} ms ${((100 * ms) / kept).toFixed(1).padStart(5)}%  ${stage}`);
}
if (Number(values.other) > 0)
  for (const [l, ms] of [...others].sort((a, b) => b[1] - a[1]).slice(0, Number(values.other)))
    console.log(`  ${values.detail ?? "other"}: ${ms.toFixed(0).padStart(6)} ms  ${l}`);
