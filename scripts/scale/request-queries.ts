import { LiveIndex } from "@/lib/index/live-index";
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
