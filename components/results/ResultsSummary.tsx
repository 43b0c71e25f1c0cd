import type { SearchResponse } from "@/lib/api/contract";
import { listedCount, nearMissNote } from "@/lib/ui/near-miss";
import { formatCountVi } from "@/lib/format";

/** `5 kết quả`, in a live region so screen readers hear each new count. */
export function ResultsSummary({ data }: { data: SearchResponse }) {
  const { total, query } = data;
  const first = (query.page - 1) * query.size + 1;
  const listed = listedCount(data);
  const last = Math.min(listed, query.page * query.size);
  const near = nearMissNote(data.totalNearMisses ?? 0);
  return (
    <p id="results-summary" role="status" className="text-sm text-zinc-700 dark:text-zinc-300">
      <span data-testid="total">
        {/* An estimate (pruned scoring) or a lower bound (capped phrase check, a cut query). */}
        {data.totalExact === false ? "khoảng " : ""}
        {formatCountVi(total)} kết quả
      </span>
      {/* Grouped: several articles of one story count as one result. */}
      {data.totalArticles !== undefined && data.totalArticles > total && <span data-testid="total-articles"> · {formatCountVi(data.totalArticles)} bài</span>}
      {/* Near misses are listed after every full match and not counted in `total`. */}
      {near && <span data-testid="total-near-misses"> · {near}</span>}
      {listed > query.size && first <= last && (
        <span className="text-zinc-600 dark:text-zinc-400">
          {" "}
          (hiển thị {formatCountVi(first)}–{formatCountVi(last)})
        </span>
      )}
      {data.partial && <span data-testid="partial"> · Truy vấn quá rộng nên chỉ được tìm một phần: có thể còn bài phù hợp khác.</span>}
    </p>
  );
}
