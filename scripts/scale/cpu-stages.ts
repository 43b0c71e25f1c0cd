// Where an index build's CPU goes, by stage of the work: the profiles `node --cpu-prof
// --cpu-prof-dir=DIR` writes for one build (one file per thread, summed), each sample given to
// the stage of the innermost frame a rule names (see STAGES), and with --base the profiles of
// a second build (e.g. without people) beside it, stage by stage, with the difference:
//   node --cpu-prof --cpu-prof-dir=/tmp/p-archive --import tsx scripts/people-bench.ts \
//     ../shared/corpus --index --runs 1 --variants archive --threads 0   # and --variants none
//   npx tsx scripts/scale/cpu-stages.ts /tmp/p-archive/*.cpuprofile --base /tmp/p-none
// Samples are wall time of a thread: on a loaded machine a thread waiting for a core counts as
// busy, so read the shares, and scale them by the process's CPU seconds (people-bench.ts prints
// them) for seconds of CPU. `(program)` is V8's own work outside JS (compiling, the runtime) and
// `(idle)` a thread waiting for work.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { cliArgs } from "../cli";
import { readProfile, samplesOf, stageOf, type StageRule } from "./cpu-profile";

const { values, positionals } = cliArgs(__filename, {
  allowPositionals: true,
  options: {
    base: { type: "string" },
    other: { type: "string", default: "0" },
    cpu: { type: "string" },
    "base-cpu": { type: "string" },
  },
});

const file = (f: string) => `[^ ]*${f.replace(/[.]/g, "\\.")}`;
/** Checked in this order at each frame, innermost frame first. */
const STAGES: StageRule[] = [
  { stage: "GC", match: /^\(garbage collector\) / },
  { stage: "idle", match: /^\(idle\) / },
  { stage: "V8 (program)", match: /^\(program\) / },
  { stage: "people: judge's features", match: new RegExp(file("lib/corpus/people-judge.ts")) },
  { stage: "people: tagger", match: new RegExp(file("lib/corpus/people-tagger.ts")) },
  { stage: "people: evidence per article (articleEvidence)", match: new RegExp(`^(articleEvidence|note) ${file("lib/corpus/people-evidence.ts")}`) },
  { stage: "people: evidence counted (count)", match: new RegExp(`^(count|apply|add) ${file("lib/corpus/people-evidence.ts")}`) },
  { stage: "people: evidence handed over (toData, fromData)", match: new RegExp(`^(toData|fromData|mergeData|keys) ${file("lib/corpus/people-evidence.ts")}`) },
  { stage: "people: evidence looked up (resolve's hooks)", match: new RegExp(file("lib/corpus/people-evidence.ts")) },
  { stage: "people: candidatesToResolve", match: /^candidatesToResolve / },
  { stage: "people: resolving (rules)", match: /^resolvePeople / },
  { stage: "people: candidates (findCandidates)", match: /^findCandidates / },
  { stage: "story signature", match: /^storySignature / },
  { stage: "cleaning, dates, sources", match: /^prepareArticleWithDetail / },
  { stage: "tokenising, rank index", match: new RegExp(file("lib/search/")) },
  { stage: "saving (segments, pairs, people, stories)", match: /^(saveSegment|commit|writeEvidence|saveStories) / },
  { stage: "compression (the corpus's gunzip, the docstore's deflate)", match: /node:zlib|lib\/index\/docstore\.ts/ },
  { stage: "hand-over between threads (messages, their copies)", match: /^postMessage |lib\/index\/analysis-(worker|pool)\.ts/ },
  { stage: "reading the corpus", match: new RegExp(`${file("lib/index/corpus-files.ts")}|${file("lib/corpus/load.ts")}`) },
];

/** Self milliseconds of the innermost frames of samples no rule names (`--other N` lists the largest). */
const others = new Map<string, number>();

/** Milliseconds per stage over the profiles of `files` (one build's threads). */
function stages(files: string[], noteOthers: boolean): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of files) {
    const { profile, byId, parent } = readProfile(f);
    const labels = new Map<number, string>();
    const label = (id: number) => {
      let l = labels.get(id);
      if (l === undefined) {
        const c = byId.get(id)!.callFrame;
        labels.set(id, (l = `${c.functionName || "(anonymous)"} ${c.url}`));
      }
      return l;
    };
    for (const { ms, ids } of samplesOf(profile, parent)) {
      const stack = ids.map(label);
      const s = stageOf(stack, STAGES);
      out.set(s, (out.get(s) ?? 0) + ms);
      if (s === "other" && noteOthers) others.set(stack[0], (others.get(stack[0]) ?? 0) + ms);
    }
  }
  return out;
}

/** A directory's `.cpuprofile` files, or the files given. */
const profiles = (xs: string[]) =>
  xs.flatMap((x) =>
    statSync(x).isDirectory()
      ? readdirSync(x)
          .filter((f) => f.endsWith(".cpuprofile"))
          .map((f) => path.join(x, f))
      : [x],
  );

const run = stages(profiles(positionals), true);
const base = values.base ? stages(profiles(values.base.split(",")), false) : null;
const sum = (m: Map<string, number>, busy: boolean) => [...m].reduce((t, [s, ms]) => t + (busy && s === "idle" ? 0 : ms), 0);
const order = [...STAGES.map((r) => r.stage), "other"];
const busyRun = sum(run, true);
const busyBase = base ? sum(base, true) : 0;
// With --cpu (and --base-cpu) each build's busy samples are scaled to that many CPU seconds
// (the build thread's, as people-bench.ts prints it, for a --threads 0 build): CPU seconds by stage.
const scaleRun = values.cpu ? (1000 * Number(values.cpu)) / busyRun : 1;
const scaleBase = values["base-cpu"] ? (1000 * Number(values["base-cpu"])) / busyBase : 1;
for (const [m, k] of [
  [run, scaleRun],
  [base, scaleBase],
] as const)
  if (m) for (const [st, ms] of m) m.set(st, ms * k);
const sec = (ms: number | undefined) => ((ms ?? 0) / 1000).toFixed(2).padStart(8);
const share = (ms: number | undefined, of: number) => `${((100 * (ms ?? 0)) / of).toFixed(1).padStart(5)}%`;
console.log(base ? `${"base s".padStart(8)} ${"run s".padStart(8)} ${"diff s".padStart(8)}  share of diff  stage` : `${"run s".padStart(8)}  share  stage`);
for (const s of order) {
  if (!run.has(s) && !base?.has(s)) continue;
  const r = run.get(s) ?? 0;
  if (!base) console.log(`${sec(r)}  ${share(r, busyRun * scaleRun)}  ${s}`);
  else {
    const b = base.get(s) ?? 0;
    console.log(`${sec(b)} ${sec(r)} ${sec(r - b)}  ${s === "idle" ? "      " : share(r - b, busyRun * scaleRun - busyBase * scaleBase)}         ${s}`);
  }
}
console.log(
  base
    ? `${sec(busyBase * scaleBase)} ${sec(busyRun * scaleRun)} ${sec(busyRun * scaleRun - busyBase * scaleBase)}  busy (all but idle)`
    : `${sec(busyRun * scaleRun)}  busy (all but idle)`,
);
if (Number(values.other) > 0) {
  console.log(`\n"other" of the run, by innermost frame (self seconds sampled, not scaled)`);
  for (const [l, ms] of [...others].sort((a, b) => b[1] - a[1]).slice(0, Number(values.other)))
    console.log(`${sec(ms)}  ${l.replace(/ file:\/\/.*\/(lib|node_modules|scripts)\//, " $1/")}`);
}
