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
import { readProfile, samplesOf, SourceMaps, stageOf } from "./cpu-profile";
import { CONTEXTS, STAGES } from "./query-stage-rules";

const { values, positionals } = cliArgs(__filename, {
  allowPositionals: true,
  options: {
    last: { type: "string" },
    other: { type: "string", default: "0" },
    under: { type: "string", default: "match" },
    detail: { type: "string" },
  },
});

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
