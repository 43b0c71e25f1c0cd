// When each thread of one process was busy, and with what: the profiles `node --cpu-prof
// --cpu-prof-dir=DIR` writes for one process (one file per thread: the main thread and each
// worker), on one clock, in buckets of wall time:
//   npx tsx scripts/scale/thread-timeline.ts DIR/*.cpuprofile [--bucket 5] [--phases findCandidates,storySignature,resolve,finish]
// Per thread: its span, the seconds sampled idle (`(idle)` or `(program)`: waiting for work),
// then per bucket the share of samples not idle, and the seconds of each phase in it: a sample
// belongs to the innermost function of its stack named in --phases, else to "other". Which
// thread waits for which, and what one thread runs while the others wait, is what a build's
// wall time is made of (docs/history/cleaning-log.md, "Build cost" of pcost15). Samples are wall time: on a
// loaded machine a thread that waits for a core is counted busy.
import { cliArgs } from "../cli";
import { readProfile } from "./cpu-profile";

const { values, positionals } = cliArgs(__filename, {
  allowPositionals: true,
  options: {
    bucket: { type: "string", default: "5" },
    phases: { type: "string", default: "findCandidates,storySignature,resolve,prepareArticleWithDetail,finish,saveSegment,add,(garbage collector)" },
  },
});

const IDLE = new Set(["(idle)", "(program)"]);
const bucketUs = Number(values.bucket) * 1e6;
const phases = new Set(values.phases.split(","));
const profiles = positionals.map((file) => ({ file, ...readProfile(file) }));
const origin = Math.min(...profiles.map((p) => p.profile.startTime));

for (const { file, profile, byId, parent } of profiles) {
  const phaseOf = (id: number) => {
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name = byId.get(at)!.callFrame.functionName;
      if (IDLE.has(name)) return "idle";
      if (phases.has(name)) return name;
    }
    return "other";
  };
  const buckets: Map<string, number>[] = [];
  let at = profile.startTime;
  let idle = 0;
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    at += profile.timeDeltas[i];
    // A sample's time: the gap to the next sample (the last one's is dropped).
    const us = profile.timeDeltas[i + 1] ?? 0;
    const phase = phaseOf(profile.samples[i]);
    const b = Math.floor((at - origin) / bucketUs);
    const m = (buckets[b] ??= new Map());
    m.set(phase, (m.get(phase) ?? 0) + us);
    total += us;
    if (phase === "idle") idle += us;
  }
  const s = (us: number) => (us / 1e6).toFixed(1);
  console.log(`${file.split("/").pop()}: +${s(profile.startTime - origin)} to +${s(profile.endTime - origin)} s, sampled ${s(total)} s, idle ${s(idle)} s`);
  buckets.forEach((m, b) => {
    const all = [...m.values()].reduce((x, y) => x + y, 0);
    const busy = Math.round((100 * (all - (m.get("idle") ?? 0))) / all);
    const parts = [...m]
      .filter(([p, us]) => p !== "idle" && us >= 0.05 * all)
      .sort((x, y) => y[1] - x[1])
      .map(([p, us]) => `${p} ${s(us)}`);
    console.log(`  ${String(b * Number(values.bucket)).padStart(4)} s  busy ${String(busy).padStart(3)}%  ${parts.join(", ")}`);
  });
}
