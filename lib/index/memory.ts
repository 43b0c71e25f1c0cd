// An archive of articles indexed in memory (one segment per MAX_SEGMENT_DOCS articles): for
// tests, tools and small corpora.
import type { Article } from "@/lib/corpus/types";
import { Archive } from "@/lib/index/archive";
import { memorySegment } from "@/lib/index/segment";
import { buildRankIndex, MAX_SEGMENT_DOCS, SKETCH_BITS, streamLength } from "@/lib/search/rank-index";

export function memoryArchive(articles: readonly Article[], lines?: readonly number[]): Archive {
  const items = articles.map((article, i) => ({ article, line: lines?.[i] ?? i }));
  const parts: { items: typeof items; rank: ReturnType<typeof buildRankIndex> }[] = [];
  for (let at = 0; at < articles.length || (at === 0 && parts.length === 0); at += MAX_SEGMENT_DOCS) {
    const chunk = items.slice(at, at + MAX_SEGMENT_DOCS);
    parts.push({ items: chunk, rank: buildRankIndex(chunk.map((i) => i.article)) });
  }
  const tokens = parts.reduce((n, p) => n + streamLength(p.rank.stream), 0);
  // A sketch sized to the text: small archives need not carry 32 MB of counters.
  const archive = new Archive(Math.max(10, Math.min(SKETCH_BITS, Math.ceil(Math.log2(tokens + 1)))));
  parts.forEach((p, i) => archive.add(memorySegment(parts.length === 1 ? "memory" : `memory-${i}`, p.items, p.rank)));
  archive.refresh();
  return archive;
}
