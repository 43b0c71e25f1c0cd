import { ResultItem } from "@/components/results/ResultItem";
import type { SearchResponse } from "@/lib/api/contract";
import { RESULTS_ID } from "@/components/search/show-results";

/** The hits; dimmed (and marked busy) while the next results load. */
export function Results({ data, stale }: { data: SearchResponse; stale: boolean }) {
  return (
    <ol
      id={RESULTS_ID}
      tabIndex={-1}
      aria-label="Kết quả tìm kiếm"
      aria-busy={stale}
      className={`divide-y divide-zinc-200 transition-opacity dark:divide-zinc-800 ${stale ? "opacity-50" : ""}`}
      data-testid="results"
    >
      {data.hits.map((hit) => (
        <ResultItem key={hit.id} hit={hit} query={data.query} marked={data.correctedQuery ?? undefined} />
      ))}
    </ol>
  );
}
