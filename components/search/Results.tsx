import { ResultItem } from "@/components/search/ResultItem";
import type { SearchResponse } from "@/lib/search/types";

export function Results({ data }: { data: SearchResponse }) {
  return (
    <section aria-labelledby="results-summary">
      <p id="results-summary" role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
        {data.total} kết quả
      </p>
      <ol className="divide-y divide-zinc-200 dark:divide-zinc-800">
        {data.hits.map((hit) => (
          <ResultItem key={hit.id} hit={hit} q={data.query.q} />
        ))}
      </ol>
    </section>
  );
}
