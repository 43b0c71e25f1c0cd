// A worker thread of an index build: analyses the batches of raw articles it is sent
// (see analysis.ts and analysis-pool.ts) and answers each with its results, in order. With
// `hold`, it keeps each article's name candidates (CandidateStore) and decides their people
// when the build asks (`resolve`, once per segment, with the archive's evidence).
import { parentPort, workerData } from "node:worker_threads";
import type { EvidenceData } from "@/lib/corpus/people-evidence";
import type { RawArticle } from "@/lib/corpus/types";
import { analyse, CandidateStore } from "@/lib/index/analysis";

type Message = { id: number; raws: RawArticle[]; today: string; people: boolean; hold: boolean } | { id: number; resolve: number[]; evidence: EvidenceData };

const store = new CandidateStore((workerData as { index: number }).index);

parentPort!.on("message", (msg: Message) => {
  if ("resolve" in msg) {
    parentPort!.postMessage({ id: msg.id, results: store.resolve(msg.resolve, msg.evidence) });
    return;
  }
  const results = msg.raws.map((raw) => analyse(raw, msg.today, msg.people));
  parentPort!.postMessage({ id: msg.id, results: msg.hold ? results.map((r) => store.hold(r)) : results });
});
