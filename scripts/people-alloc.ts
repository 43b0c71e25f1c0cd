// What the person pass allocates on the JS heap (the garbage it leaves for V8's collector and its
// helper threads, which cost26 found take about as much CPU as the pass's own code): the
// per-article candidates (`findCandidates`) over the cleaned texts of a corpus file, or with
// `--part resolve` every article's `resolvePeople` with the whole file's evidence and the tagger
// (as people-candidates-bench.ts times them). Run as:
//   node --expose-gc --import tsx scripts/people-alloc.ts --corpus FILE.jsonl[.gz] [--part resolve] [--sites 25] [--callers]
// Prints the bytes one pass allocates, sampled by V8's sampling heap profiler through the
// inspector (every 256 bytes, collected objects kept), the collections it ran (v8.GCProfiler:
// scavenges and mark-compacts), and the functions allocating most with their share of the
// sampled bytes (`name file:line`; under tsx the line is the compiled file's, not the source's).
// `--callers` names a built-in's bytes (`split`, `slice`, an iterator's `next`) with the JS
// function that called it (`split :0 <- mergeMentions …`), so a built-in's share splits by caller.
import { Session } from "node:inspector";
import v8 from "node:v8";
import { benchArticles } from "./bench-articles";
import { cliArgs } from "./cli";
import { loadAverage } from "./eval/metrics";
import { labelOf, post, type ProfileNode } from "./scale/heap-sampling";
import { candidatesToResolve, findCandidates, resolvePeople } from "@/lib/corpus/people";
import { PeopleEvidence } from "@/lib/corpus/people-evidence";
import { loadTagger } from "@/lib/corpus/people-tagger";

const { values } = cliArgs(__filename, {
  options: {
    corpus: { type: "string" },
    part: { type: "string", default: "candidates" },
    sites: { type: "string", default: "25" },
    callers: { type: "boolean", default: false },
  },
});

function sitesOf(node: ProfileNode, sites: Map<string, number>, caller = "") {
  const own = labelOf(node.callFrame);
  // A built-in has no script: with --callers, its label carries the nearest JS caller's.
  const label = values.callers && !node.callFrame.url && caller ? `${own} <- ${caller}` : own;
  if (node.selfSize > 0) sites.set(label, (sites.get(label) ?? 0) + node.selfSize);
  for (const c of node.children) sitesOf(c, sites, node.callFrame.url ? own : caller);
}

async function main() {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc || !values.corpus) throw new Error("run with node --expose-gc --import tsx and --corpus (see the header)");
  const { texts } = benchArticles(values.corpus);
  let run: () => unknown;
  if (values.part === "candidates") run = () => texts.map(findCandidates);
  else if (values.part === "resolve") {
    const evidence = new PeopleEvidence();
    const candidates = texts.map((t) => {
      const c = findCandidates(t);
      evidence.add(c);
      return candidatesToResolve(c);
    });
    run = () => {
      const helpers = evidence.helpers(loadTagger());
      return candidates.map((c) => resolvePeople(c, helpers));
    };
  } else throw new Error("--part: candidates or resolve");
  // One pass first: its compiles allocate too.
  run();
  gc();
  const session = new Session();
  session.connect();
  await post(session, "HeapProfiler.startSampling", { samplingInterval: 256, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  const profiler = new v8.GCProfiler();
  profiler.start();
  const c0 = process.cpuUsage();
  run();
  const cpu = process.cpuUsage(c0);
  const events = profiler.stop()?.statistics ?? [];
  const { profile } = await post<{ profile: { head: ProfileNode } }>(session, "HeapProfiler.stopSampling");
  const sites = new Map<string, number>();
  sitesOf(profile.head, sites);
  const total = [...sites.values()].reduce((a, b) => a + b, 0);
  const kinds = new Map<string, { n: number; ms: number }>();
  for (const e of events) {
    const k = kinds.get(e.gcType) ?? { n: 0, ms: 0 };
    k.n++;
    k.ms += e.cost / 1000;
    kinds.set(e.gcType, k);
  }
  console.log(`${texts.length} texts, --part ${values.part}; ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s CPU (profiler on); load ${loadAverage()}`);
  console.log(`sampled allocations: ${(total / 1048576).toFixed(1)} MiB (${(total / texts.length / 1024).toFixed(1)} KiB per article)`);
  console.log(`collections: ${[...kinds].map(([k, v]) => `${k} ${v.n} (${v.ms.toFixed(0)} ms)`).join(", ")}`);
  for (const [label, b] of [...sites].sort((a, b) => b[1] - a[1]).slice(0, Number(values.sites)))
    console.log(`${((100 * b) / total).toFixed(1).padStart(5)}%  ${(b / 1048576).toFixed(1).padStart(7)} MiB  ${label}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
