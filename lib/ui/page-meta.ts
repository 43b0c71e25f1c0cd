// What a results page calls itself: the tab title, and the preview a shared link shows.
import type { SearchQuery } from "@/lib/api/contract";
import { formatCountVi } from "@/lib/format";

export const SITE_NAME = "Tìm tin";
export const SITE_DESCRIPTION = "Tìm kiếm tin tức tiếng Việt";

/** `Putin – Tìm tin`; the bare name without words. */
export function searchTitle(query: Pick<SearchQuery, "q">): string {
  return query.q ? `${query.q} – ${SITE_NAME}` : SITE_NAME;
}

/** `5 bài báo cho “Putin” trên Tìm tin`, for link previews. */
export function searchDescription(query: Pick<SearchQuery, "q">, total: number): string {
  return query.q ? `${formatCountVi(total)} bài báo cho “${query.q}” trên ${SITE_NAME}` : `${SITE_DESCRIPTION}: ${formatCountVi(total)} bài báo`;
}
