// Worker threads for an index build's per-article analysis (analysis.ts). Used by
// `npm run index` (scripts/index.ts), which runs under tsx: the worker is TypeScript and is
// started with tsx's loader. The server does not import this module (its bundle has no
// TypeScript loader); it analyses on its own thread, as every live update is small.
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { EvidenceData } from "@/lib/corpus/people-evidence";
import type { Entity, RawArticle } from "@/lib/corpus/types";
import type { Analyser, Analysis, HeldCandidates } from "@/lib/index/analysis";

interface Job {
  resolve: (results: unknown[]) => void;
  reject: (error: Error) => void;
}

/**
 * One worker per thread; batches go to the worker with the fewest under way. Each worker
 * keeps its articles' name candidates (unless `hold: false`) and decides their people when
 * the build writes a segment (`resolve`), so candidates never cross to the build's thread.
 */
export class WorkerAnalyser implements Analyser {
  private readonly workers: { worker: Worker; jobs: Map<number, Job> }[] = [];
  private nextId = 0;
  private failure: Error | null = null;

  /**
   * `people: false` finds no name candidates, only to measure what people cost
   * (scripts/people-bench.ts); `hold: false` sends the candidates with each result, for a
   * build that decides people by the article alone (`archivePeople: false`).
   */
  constructor(
    threads = 1,
    private readonly options: { people?: boolean; hold?: boolean } = {},
  ) {
    // tsx's require hook registered inside the worker, then the TypeScript worker required.
    const require = createRequire(import.meta.url);
    const api = require.resolve("tsx/cjs/api");
    const file = fileURLToPath(new URL("./analysis-worker.ts", import.meta.url));
    const boot = `require(${JSON.stringify(api)}).register(); require(${JSON.stringify(file)});`;
    for (let t = 0; t < Math.max(1, threads); t++) {
      const worker = new Worker(boot, { eval: true, workerData: { index: t } });
      const jobs = new Map<number, Job>();
      worker.on("message", (msg: { id: number; results: unknown[] }) => {
        jobs.get(msg.id)?.resolve(msg.results);
        jobs.delete(msg.id);
      });
      const fail = (error: Error) => {
        this.failure ??= error;
        for (const job of jobs.values()) job.reject(error);
        jobs.clear();
      };
      worker.on("error", fail);
      worker.on("exit", (code) => fail(new Error(`analysis worker exited (code ${code})`)));
      this.workers.push({ worker, jobs });
    }
  }

  run(raws: RawArticle[], today: string): Promise<Analysis[]> {
    const w = this.workers.reduce((a, b) => (b.jobs.size < a.jobs.size ? b : a));
    const people = this.options.people ?? true;
    return this.send(w, { raws, today, people, hold: people && (this.options.hold ?? true) });
  }

  async resolve(held: HeldCandidates[], evidence: EvidenceData): Promise<Entity[][]> {
    const out: Entity[][] = new Array(held.length);
    await Promise.all(
      this.workers.map(async (w, index) => {
        const at: number[] = [];
        held.forEach((h, i) => h.worker === index && at.push(i));
        if (!at.length) return;
        const persons = await this.send<Entity[]>(w, { resolve: at.map((i) => held[i].id), evidence });
        at.forEach((i, k) => (out[i] = persons[k]));
      }),
    );
    return out;
  }

  private send<T>(w: { worker: Worker; jobs: Map<number, Job> }, message: object): Promise<T[]> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise<T[]>((resolve, reject) => {
      w.jobs.set(id, { resolve: resolve as (results: unknown[]) => void, reject });
      w.worker.postMessage({ id, ...message });
    });
  }

  async close() {
    this.failure ??= new Error("analysis workers closed");
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }
}
