// Worker threads for an index build's per-article analysis (analysis.ts). Used by
// `npm run index` (scripts/index.ts), which runs under tsx: the worker is TypeScript and is
// started with tsx's loader. The server does not import this module (its bundle has no
// TypeScript loader); it analyses on its own thread, as every live update is small.
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { RawArticle } from "@/lib/corpus/types";
import type { Analyser, Analysis } from "@/lib/index/analysis";

interface Job {
  resolve: (results: Analysis[]) => void;
  reject: (error: Error) => void;
}

/** One worker per thread; batches go to the worker with the fewest under way. */
export class WorkerAnalyser implements Analyser {
  private readonly workers: { worker: Worker; jobs: Map<number, Job> }[] = [];
  private nextId = 0;
  private failure: Error | null = null;

  /** `people: false` finds no name candidates, only to measure what people cost (scripts/people-bench.ts). */
  constructor(
    threads = 1,
    private readonly options: { people?: boolean } = {},
  ) {
    // tsx's require hook registered inside the worker, then the TypeScript worker required.
    const require = createRequire(import.meta.url);
    const api = require.resolve("tsx/cjs/api");
    const file = fileURLToPath(new URL("./analysis-worker.ts", import.meta.url));
    const boot = `require(${JSON.stringify(api)}).register(); require(${JSON.stringify(file)});`;
    for (let t = 0; t < Math.max(1, threads); t++) {
      const worker = new Worker(boot, { eval: true });
      const jobs = new Map<number, Job>();
      worker.on("message", (msg: { id: number; results: Analysis[] }) => {
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
    if (this.failure) return Promise.reject(this.failure);
    const w = this.workers.reduce((a, b) => (b.jobs.size < a.jobs.size ? b : a));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      w.jobs.set(id, { resolve, reject });
      w.worker.postMessage({ id, raws, today, people: this.options.people ?? true });
    });
  }

  async close() {
    this.failure ??= new Error("analysis workers closed");
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }
}
