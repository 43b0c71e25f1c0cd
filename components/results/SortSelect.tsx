"use client";

import { useNavigate } from "@/components/search/use-search";
import type { SearchQuery, SortOrder } from "@/lib/api/contract";

const LABELS: Record<SortOrder, string> = { relevance: "Liên quan nhất", newest: "Mới nhất", oldest: "Cũ nhất" };

export function SortSelect({ query }: { query: SearchQuery }) {
  const navigate = useNavigate();
  // Relevance means nothing without words to match.
  const orders = (query.q || query.sort === "relevance" ? ["relevance", "newest", "oldest"] : ["newest", "oldest"]) as SortOrder[];
  return (
    <label className="flex items-center gap-2 text-sm">
      <span>Sắp xếp</span>
      <select
        value={query.sort}
        onChange={(e) => void navigate({ ...query, sort: e.target.value as SortOrder, page: 1 })}
        className="rounded-md border border-zinc-400 bg-white px-2 py-1 dark:border-zinc-600 dark:bg-zinc-900"
      >
        {orders.map((o) => (
          <option key={o} value={o}>
            {LABELS[o]}
          </option>
        ))}
      </select>
    </label>
  );
}
