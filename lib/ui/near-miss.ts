// Near misses (results lacking one minor query word, listed after every full match): how
// the page counts and labels them.
import type { SearchResponse } from "@/lib/api/contract";
import { formatCountVi } from "@/lib/format";

/** Results the pages list: the full matches, then the near misses. */
export function listedCount(data: Pick<SearchResponse, "total" | "totalNearMisses">): number {
  return data.total + (data.totalNearMisses ?? 0);
}

/** The summary's note on near misses ("· 3 bài thiếu một từ"), or null when there are none. */
export function nearMissNote(count: number): string | null {
  return count > 0 ? `${formatCountVi(count)} bài thiếu một từ` : null;
}

/** The label before the words a near miss lacks, as web search engines write "Missing:". */
export const MISSING_LABEL = "Không có:";
