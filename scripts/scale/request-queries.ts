import { LiveIndex } from "@/lib/index/live-index";
import { SearchEngine } from "@/lib/search/engine";
import { latencyQueries, liveArticles } from "../eval/queries";

/** The ten searches scripts/scale/request-cpu.ts and bundle-search.ts ask: common words, names, places. */
export const REQUEST_QUERIES = [
  "giá vàng",
  "hòa bình",
  "Putin",
  "bóng đá",
  "thời tiết",
  "chứng khoán",
  "Hà Nội",
  "tai nạn giao thông",
  "Donald Trump",
  "học sinh",
];

/**
 * The queries `bench.ts --parts load` sends: the eval latency queries of the index's live
 * articles, every `every`-th (250 at 8). Too many for the matcher to keep each one's match
 * (lib/search/matcher.ts CACHE_SIZE), unlike REQUEST_QUERIES: asked in turn, each is matched again.
 */
export async function loadQueries(corpusDir: string, indexDir: string, every: number): Promise<string[]> {
  const live = await LiveIndex.open({ corpusDir, indexDir, reader: true });
  return latencyQueries(liveArticles(live.archive), every);
}

/**
 * A saved index opened as a reader (nothing written), its eval latency queries (every
 * `every`-th, as loadQueries picks them) and a prepared engine over it: what the in-process
 * scripts that ask the load's queries start from.
 */
export async function evalEngine(archiveDir: string, indexDir: string, every: number) {
  const live = await LiveIndex.open({ corpusDir: archiveDir, indexDir, reader: true, waitForWriter: false });
  const queries = latencyQueries(liveArticles(live.archive), Math.max(1, every));
  const engine = new SearchEngine(live.archive);
  engine.prepare();
  return { live, queries, engine };
}

/** This process's CPU time (user and system) so far, in ms, not rounded. */
export function processCpuNow(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** The options of the in-process scripts that ask the load's queries (`evalEngine`), for cliArgs. */
export const EVAL_OPTIONS = {
  archive: { type: "string", default: "../shared/corpus" },
  index: { type: "string" },
  every: { type: "string", default: "8" },
  runs: { type: "string", default: "5" },
} as const;
