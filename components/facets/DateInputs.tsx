"use client";

import { useSearch } from "@/components/search/use-search";
import { ISO_DATE } from "@/lib/calendar";
import type { SearchQuery } from "@/lib/api/contract";
import { orderedRange } from "@/lib/ui/dates";


/** From/to date inputs; a reversed range is swapped, not refused. */
export function DateInputs({ query }: { query: SearchQuery }) {
  const { navigate } = useSearch();
  const set = (end: "from" | "to", value: string) => {
    if (value && !ISO_DATE.test(value)) return; // half-typed: wait for a whole date
    const next = { from: query.from, to: query.to, [end]: value || null };
    void navigate({ ...query, ...orderedRange(next.from, next.to), page: 1 });
  };
  const input = "w-full min-w-0 rounded-md border border-zinc-400 bg-white px-2 py-1 text-sm dark:border-zinc-600 dark:bg-zinc-900";
  return (
    <div className="grid grid-cols-2 gap-2">
      <label className="text-sm">
        Từ ngày
        <input type="date" value={query.from ?? ""} onChange={(e) => set("from", e.target.value)} className={input} />
      </label>
      <label className="text-sm">
        Đến ngày
        <input type="date" value={query.to ?? ""} onChange={(e) => set("to", e.target.value)} className={input} />
      </label>
    </div>
  );
}
