// Grouping stories (group.ts) on a worker thread, so the event loop that answers searches
// never waits for a regrouping of the archive (at 200k articles, seconds of CPU and a heap of
// hundreds of MB to collect). The documents go to the worker and the stories and the grouper
// come back with their memory transferred, not copied. One worker per process, started at the
// first grouping and kept (it holds nothing between groupings); it does not keep the process
// alive while idle.
//
// Under Next.js (the server's bundle, NEXT_RUNTIME set) the worker is the bundled
// group-worker.ts (`new Worker(new URL(...))`, which the bundler follows); elsewhere (tsx,
// vitest) it is the TypeScript source, started with tsx's loader as lib/index/analysis-pool.ts
// does.
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { StoryGrouper, type Stories, type StoryDocs } from "@/lib/stories/group";

interface Job {
  resolve: (out: { stories: Stories; grouper: StoryGrouper }) => void;
  reject: (error: Error) => void;
}

let worker: Worker | null = null;
const jobs = new Map<number, Job>();
let nextId = 0;

function startWorker(): Worker {
  if (process.env.NEXT_RUNTIME) return new Worker(new URL("./group-worker.ts", import.meta.url));
  const require = createRequire(import.meta.url);
  const api = require.resolve("tsx/cjs/api");
  const file = fileURLToPath(new URL("./group-worker.ts", import.meta.url));
  return new Worker(`require(${JSON.stringify(api)}).register(); require(${JSON.stringify(file)});`, { eval: true });
}

function theWorker(): Worker {
  if (worker) return worker;
  const w = startWorker();
  w.on("message", (msg: { id: number; stories?: Stories; grouper?: StoryGrouper; error?: string }) => {
    const job = jobs.get(msg.id);
    jobs.delete(msg.id);
    if (!jobs.size) w.unref();
    if (msg.error !== undefined) job?.reject(new Error(msg.error));
    else job?.resolve({ stories: msg.stories!, grouper: StoryGrouper.revive(msg.grouper!) });
  });
  const fail = (error: Error) => {
    if (worker === w) worker = null;
    for (const job of jobs.values()) job.reject(error);
    jobs.clear();
  };
  w.on("error", fail);
  w.on("exit", (code) => fail(new Error(`story grouping worker exited (code ${code})`)));
  return (worker = w);
}

/**
 * `groupStories(docs)` and the grouper that made it, worked out on the worker thread. `docs`'
 * arrays are transferred: the caller must not use them afterwards.
 */
export function groupOffThread(docs: StoryDocs): Promise<{ stories: Stories; grouper: StoryGrouper }> {
  const w = theWorker();
  const id = nextId++;
  return new Promise((resolve, reject) => {
    jobs.set(id, { resolve, reject });
    w.ref();
    const transfer = [...new Set([docs.day, docs.sigs, docs.personStart, docs.personVals].map((a) => a.buffer as ArrayBuffer))];
    w.postMessage({ id, docs }, transfer);
  });
}
