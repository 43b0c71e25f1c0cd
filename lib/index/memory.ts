// An archive of articles indexed in memory, in one segment: for tests, tools and small corpora.
import type { Article } from "@/lib/corpus/types";
import { Archive } from "@/lib/index/archive";
import { memorySegment } from "@/lib/index/segment";
import { buildRankIndex, SKETCH_BITS } from "@/lib/search/rank-index";

export function memoryArchive(articles: readonly Article[], lines?: readonly number[]): Archive {
  const items = articles.map((article, i) => ({ article, line: lines?.[i] ?? i }));
  const rank = buildRankIndex(articles);
  // A sketch sized to the text: small archives need not carry 32 MB of counters.
  const archive = new Archive(Math.max(10, Math.min(SKETCH_BITS, Math.ceil(Math.log2(rank.stream.length + 1)))));
  archive.add(memorySegment("memory", items, rank));
  archive.refresh();
  return archive;
}
