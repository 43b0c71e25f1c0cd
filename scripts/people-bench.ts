// People extraction time over a corpus, before and after archive evidence and the tagger.
//   npx tsx scripts/people-bench.ts [CORPUS_DIR] [--runs N]
//   npx tsx scripts/people-bench.ts [CORPUS_DIR] --index [--runs N] [--variants none,article,archive] [--threads N]
// --index times what `npm run index` does (LiveIndex build of the whole corpus, saved to a
// temporary directory, analysis on the build's own thread, or with --threads N on N worker
// threads as `npm run index` does on a machine of several cores), in up to three variants,
// rotated so each runs first as often as the others, and reports the median of N runs of each:
//   none:    no person extraction at all (no candidates, no persons): the build without people;
//   article: the article-only rules (findCandidates + resolvePeople per article);
//   archive: what the product does: candidates, archive-wide evidence, tagger (the default build).
// Each build reports wall and CPU seconds (user + system of this process, its worker threads
// included) and, on Linux, the CPU seconds of the build's own thread alone: with --threads it
// bounds the build's wall time on a machine with a core free for each worker, so it is the
// figure that predicts a quiet machine's wall time from a busy one's. Under a shared machine's
// load the CPU seconds are the fairer comparison. Issue #16's target: archive no more than 20%
// slower than none.
// --parts (Linux, with --threads N) also prints where each build's CPU went, by thread and phase:
// the build thread, the analysis workers (each) and the process's other threads (V8's
// concurrent GC and compiles, zlib), while articles are analysed (until the last batch's
// results), while the workers decide the held people (`resolve`), and the rest (saving).
// Without --index: cleans every article once (that time is the rest of indexing), then times,
// median of N runs:
//   before: findPeople per article (the article-only rules);
//   after:  findCandidates per article + PeopleEvidence.add, then resolvePeople with the
//           archive evidence and the tagger (what buildCorpus does now).
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { PerformanceObserver } from "node:perf_hooks";
import { cliArgs } from "./cli";
import { median } from "./eval/metrics";
import { otherThreadsCpu, statCpuSeconds, threadsCpu } from "./proc-cpu";
import { readRawArticles } from "@/lib/corpus/load";
import { type Candidate, findCandidates, findPeople, resolvePeople } from "@/lib/corpus/people";
import { PeopleEvidence } from "@/lib/corpus/people-evidence";
import { loadTagger } from "@/lib/corpus/people-tagger";
import { prepareArticle } from "@/lib/corpus/prepare";
import { type Analyser, analyse } from "@/lib/index/analysis";
import { WorkerAnalyser } from "@/lib/index/analysis-pool";
import { LiveIndex } from "@/lib/index/live-index";

const { values, positionals } = cliArgs(__filename, {
  allowPositionals: true,
  options: {
    runs: { type: "string", default: "3" },
    index: { type: "boolean", default: false },
    variants: { type: "string", default: "none,article,archive" },
    threads: { type: "string", default: "0" },
    parts: { type: "boolean", default: false },
  },
});
const dir = positionals[0] ?? path.resolve(__dirname, "../../shared/corpus");
const runs = Number(values.runs);
const threads = Number(values.threads);

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;

type Variant = "none" | "article" | "archive";

/**
 * Analysis on the build's own thread through the Analyser interface, with or without people,
 * so every variant pays the same hand-over (the worker-thread build hides analysis on another
 * core; this measures its CPU cost).
 */
function inThread(people: boolean): Analyser {
  return { run: async (raws, today) => raws.map((r) => analyse(r, today, people)), close: async () => undefined };
}

/** This process's main thread's user + system CPU seconds so far (Linux: /proc, clock ticks of 10 ms); NaN elsewhere. */
function mainThreadCpu(): number {
  try {
    return statCpuSeconds(`/proc/${process.pid}/task/${process.pid}/stat`);
  } catch {
    return NaN;
  }
}

/**
 * Milliseconds of garbage collection pauses on this thread (the build's) so far: V8's `gc`
 * performance entries, the pauses' own duration (wall time, so inflated by the machine's load
 * like the wall seconds). The analysis workers' collections are not seen here: with --threads 0
 * the whole build collects on this thread.
 */
let gcPauseMs = 0;
const gcObserver = new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcPauseMs += e.duration;
});
gcObserver.observe({ entryTypes: ["gc"] });

function gcMsSoFar(): number {
  for (const e of gcObserver.takeRecords()) gcPauseMs += e.duration;
  return gcPauseMs;
}

/** CPU seconds of the build thread, the analysis workers (each) and the other live threads at one moment. */
interface CpuAt {
  main: number;
  workers: number[];
  other: number;
}

/**
 * `--parts`: CPU by thread and phase of one build. The analysis workers are the threads that
 * appeared when the analyser was made (`new Worker` starts its thread at once); the phases end
 * at the last analysis result, and when the workers have decided the held people.
 */
class PartClock {
  private readonly workerIds: number[];
  private readonly start: CpuAt;
  private analysed: CpuAt;
  private resolved: CpuAt | null = null;

  constructor(before: Set<number>, now: Map<number, number>) {
    this.workerIds = [...now.keys()].filter((tid) => !before.has(tid));
    this.start = this.now();
    this.analysed = this.start;
  }

  now(): CpuAt {
    const cpu = threadsCpu();
    let other = 0;
    for (const [tid, s] of cpu) if (tid !== process.pid && !this.workerIds.includes(tid)) other += s;
    return { main: cpu.get(process.pid) ?? NaN, workers: this.workerIds.map((tid) => cpu.get(tid) ?? NaN), other };
  }

  /** The analyser, its answers timed. */
  wrap(a: Analyser): Analyser {
    return {
      run: async (raws, today) => {
        const out = await a.run(raws, today);
        this.analysed = this.now();
        return out;
      },
      resolve: a.resolve
        ? async (held, evidence) => {
            const out = await a.resolve!(held, evidence);
            this.resolved = this.now();
            return out;
          }
        : undefined,
      close: () => a.close(),
    };
  }

  /** Per phase: build thread, workers (their sum, then each), other threads; read before the workers end. */
  report(): string {
    const end = this.now();
    const phases: [string, CpuAt, CpuAt][] = [["analysis", this.start, this.analysed]];
    if (this.resolved) phases.push(["resolve", this.analysed, this.resolved]);
    phases.push(["rest", this.resolved ?? this.analysed, end]);
    phases.push(["all", this.start, end]);
    return phases
      .map(([name, a, b]) => {
        const w = b.workers.map((x, i) => x - a.workers[i]);
        const sum = w.reduce((x, y) => x + y, 0);
        return `${name} build ${(b.main - a.main).toFixed(2)} workers ${sum.toFixed(2)} (${w.map((x) => x.toFixed(2)).join(" + ")}) other ${(b.other - a.other).toFixed(2)}`;
      })
      .join("; ");
  }
}

/** Build and save the whole corpus's index once; seconds, and the saved people evidence's size. */
async function buildOnce(variant: Variant): Promise<{ s: number; cpu: number; mainCpu: number; otherCpu: number; gcS: number; peopleBytes: number }> {
  const indexDir = mkdtempSync(path.join(tmpdir(), "people-bench-"));
  try {
    const t0 = process.hrtime.bigint();
    const c0 = process.cpuUsage();
    const m0 = mainThreadCpu();
    const o0 = otherThreadsCpu();
    const g0 = gcMsSoFar();
    const before = new Set(threadsCpu().keys());
    let analyser = threads > 0 ? new WorkerAnalyser(threads, { people: variant !== "none", hold: variant === "archive" }) : inThread(variant !== "none");
    const parts = values.parts ? new PartClock(before, threadsCpu()) : null;
    if (parts) analyser = parts.wrap(analyser);
    const index = await LiveIndex.open({ corpusDir: dir, indexDir, archivePeople: variant === "archive", analyser });
    const s = ms(t0) / 1000;
    if (parts) console.log(`${variant}: ${parts.report()}`);
    await analyser.close();
    // CPU seconds (user + system, this process's threads, GC included): what the build costs
    // whatever else shares the cores; wall seconds grow with the machine's load.
    const c = process.cpuUsage(c0);
    const cpu = (c.user + c.system) / 1e6;
    const mainCpu = mainThreadCpu() - m0;
    // The live threads besides the build's (with --threads 0: V8's garbage collection and
    // compiling helpers, and the thread pool's zlib); the analysis workers have ended by now.
    const otherCpu = otherThreadsCpu() - o0;
    const gcS = (gcMsSoFar() - g0) / 1000;
    await index.close();
    let peopleBytes = 0;
    try {
      peopleBytes = statSync(path.join(indexDir, "people.bin")).size;
    } catch {
      // none without the archive pass
    }
    return { s, cpu, mainCpu, otherCpu, gcS, peopleBytes };
  } finally {
    rmSync(indexDir, { recursive: true, force: true });
  }
}

async function benchIndex() {
  const variants = values.variants.split(",") as Variant[];
  const times = new Map<Variant, number[]>(variants.map((v) => [v, []]));
  const cpus = new Map<Variant, number[]>(variants.map((v) => [v, []]));
  const mainCpus = new Map<Variant, number[]>(variants.map((v) => [v, []]));
  let bytes = 0;
  for (let r = 0; r < runs; r++) {
    // Rotate the order so no variant always runs first (a cold cache) or last.
    const order = variants.map((_, i) => variants[(i + r) % variants.length]);
    for (const v of order) {
      const { s, cpu, mainCpu, otherCpu, gcS, peopleBytes } = await buildOnce(v);
      times.get(v)!.push(s);
      cpus.get(v)!.push(cpu);
      mainCpus.get(v)!.push(mainCpu);
      bytes = Math.max(bytes, peopleBytes);
      console.log(
        `run ${r + 1} ${v.padEnd(7)}: ${s.toFixed(1)} s wall, ${cpu.toFixed(1)} s CPU (build thread ${mainCpu.toFixed(1)} s, its GC pauses ${gcS.toFixed(1)} s; other live threads ${otherCpu.toFixed(1)} s), load average ${loadavg()
          .map((x) => x.toFixed(2))
          .join(" ")}`,
      );
    }
  }
  for (const [what, m] of [
    ["wall", times],
    ["CPU", cpus],
    ["build thread CPU", mainCpus],
  ] as const) {
    const med = new Map([...m].map(([v, xs]) => [v, median(xs)]));
    const base = med.get("none");
    console.log(`${what}, node ${process.version}, threads ${threads}, median of ${runs}: ${[...med].map(([v, s]) => `${v} ${s.toFixed(1)} s`).join(", ")}`);
    if (base) for (const [v, s] of med) if (v !== "none") console.log(`${what}: ${v} vs none: ${((100 * (s - base)) / base).toFixed(1)}% slower`);
  }
  if (bytes) console.log(`people.bin ${(bytes / 1e6).toFixed(1)} MB`);
}

async function main() {
  if (values.index) return benchIndex();
  const { raws } = await readRawArticles(dir);
  let t0 = process.hrtime.bigint();
  const texts: string[][] = [];
  for (const raw of raws) {
    try {
      const a = prepareArticle(raw);
      texts.push(a.titleDerived ? a.paragraphs : [a.title, ...a.paragraphs]);
    } catch {
      // not indexed either
    }
  }
  const prepareMs = ms(t0);
  const before: number[] = [];
  const after: number[] = [];
  let people = [0, 0];
  for (let r = 0; r < runs; r++) {
    t0 = process.hrtime.bigint();
    let n = 0;
    for (const t of texts) n += findPeople(t).length;
    before.push(ms(t0));
    t0 = process.hrtime.bigint();
    const evidence = new PeopleEvidence();
    const all: Candidate[][] = texts.map((t) => {
      const c = findCandidates(t);
      evidence.add(c);
      return c.filter((m) => !m.placed);
    });
    const helpers = evidence.helpers(loadTagger());
    let m = 0;
    for (const c of all) m += resolvePeople(c, helpers).length;
    after.push(ms(t0));
    people = [n, m];
  }
  const b = median(before);
  const a = median(after);
  console.log(`articles ${texts.length}, runs ${runs} (median), node ${process.version}`);
  console.log(`cleaning and everything but people (one run, with the article-only people inside): ${(prepareMs / 1000).toFixed(1)} s`);
  console.log(`people before (article rules):         ${(b / 1000).toFixed(2)} s, ${people[0]} person mentions`);
  console.log(`people after (archive + tagger):       ${(a / 1000).toFixed(2)} s, ${people[1]} person mentions`);
  console.log(`extra indexing time: ${((a - b) / 1000).toFixed(2)} s = ${((100 * (a - b)) / prepareMs).toFixed(1)}% of the cleaning pass`);
}

void main();
