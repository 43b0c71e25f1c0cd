// A worker thread of an index build: analyses the batches of raw articles it is sent
// (see analysis.ts and analysis-pool.ts) and answers each with its results, in order.
import { parentPort } from "node:worker_threads";
import type { RawArticle } from "@/lib/corpus/types";
import { analyse } from "@/lib/index/analysis";

parentPort!.on("message", (msg: { id: number; raws: RawArticle[]; today: string; people: boolean }) => {
  parentPort!.postMessage({ id: msg.id, results: msg.raws.map((raw) => analyse(raw, msg.today, msg.people)) });
});
