// The longest turns of the event loop in a CPU profile, and what ran in each: a live update's
// stalls (one long synchronous step delays every search of the process) read from the profile
// of `fresh-file.ts` or of a server:
//   node --cpu-prof --cpu-prof-dir=DIR --import tsx scripts/scale/fresh-file.ts ...
//   npx tsx scripts/scale/cpu-turns.ts DIR/MAIN.cpuprofile [--top 12] [--functions 8] [--min 50]
// A turn is a run of samples with JavaScript or the collector on the stack, ended by a sample
// that is idle (`(idle)`, `(program)`: the loop waiting). Per turn: when it started (seconds
// after the profile's start), its length (wall time: on a loaded machine a turn that waits for
// a core reads longer), and the functions with the most inclusive time in it (a sample counts
// once per distinct function on its stack). `--min MS` drops shorter turns from the list;
// `--chrono` lists the longest in the order they ran. Sliced work that yields through
// `setImmediate` may read as one turn when no idle sample fell between its slices.
import { cliArgs } from "../cli";
import { readProfile } from "./cpu-profile";

const { values, positionals } = cliArgs(__filename, {
  allowPositionals: true,
  options: {
    top: { type: "string", default: "12" },
    functions: { type: "string", default: "8" },
    min: { type: "string", default: "50" },
    chrono: { type: "boolean", default: false },
  },
});

const IDLE = new Set(["(idle)", "(program)"]);
const { profile, byId, parent } = readProfile(positionals[0]);
const label = (id: number) => {
  const f = byId.get(id)!.callFrame;
  return `${f.functionName || "(anonymous)"} ${f.url.replace(/^.*\/(node_modules\/|lib\/|scripts\/)/, "$1")}:${f.lineNumber + 1}`;
};

interface Turn {
  startUs: number;
  ms: number;
  inclusive: Map<string, number>;
}
const turns: Turn[] = [];
let turn: Turn | null = null;
let at = profile.startTime;
for (let i = 0; i < profile.samples.length; i++) {
  at += profile.timeDeltas[i];
  const id = profile.samples[i];
  const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
  if (IDLE.has(byId.get(id)!.callFrame.functionName)) {
    if (turn) turns.push(turn);
    turn = null;
    continue;
  }
  turn ??= { startUs: at, ms: 0, inclusive: new Map() };
  turn.ms += ms;
  const seen = new Set<string>();
  for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
    const l = label(n);
    if (seen.has(l) || byId.get(n)!.callFrame.functionName === "(root)") continue;
    seen.add(l);
    turn.inclusive.set(l, (turn.inclusive.get(l) ?? 0) + ms);
  }
}
if (turn) turns.push(turn);

const min = Number(values.min);
const longest = turns
  .filter((t) => t.ms >= min)
  .sort((a, b) => b.ms - a.ms)
  .slice(0, Number(values.top))
  .sort((a, b) => (values.chrono ? a.startUs - b.startUs : 0));
console.log(
  `profile ${((profile.endTime - profile.startTime) / 1e6).toFixed(1)} s, ${turns.length} turns, ${turns.filter((t) => t.ms >= min).length} of ${min} ms or more`,
);
for (const t of longest) {
  console.log(`\n+${((t.startUs - profile.startTime) / 1e6).toFixed(2)} s: ${t.ms.toFixed(0)} ms`);
  const fns = [...t.inclusive].sort((a, b) => b[1] - a[1]).slice(0, Number(values.functions));
  for (const [l, ms] of fns) console.log(`  ${ms.toFixed(0).padStart(6)} ms  ${l}`);
}
