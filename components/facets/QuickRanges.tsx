"use client";

import { FilterLink } from "@/components/search/FilterLink";
import type { SearchResponse } from "@/lib/api/contract";
import { activeQuickRange, quickRanges } from "@/lib/ui/dates";

/** 7 ngày / 30 ngày / 12 tháng up to the newest article, and "Tất cả". */
export function QuickRanges({ data }: { data: SearchResponse }) {
  const { query } = data;
  const ranges = quickRanges(data.newestDate);
  const active = activeQuickRange(ranges, query);
  return (
    <ul aria-label="Khoảng thời gian nhanh" className="flex flex-wrap gap-1.5">
      {ranges.map((r) => (
        <li key={r.key}>
          <FilterLink
            query={{ ...query, from: r.from, to: r.to, page: 1 }}
            aria-current={r.key === active ? "true" : undefined}
            className={`inline-block rounded-full border px-2.5 py-0.5 text-sm ${
              r.key === active
                ? "border-blue-700 bg-blue-700 text-white dark:border-blue-400 dark:bg-blue-400 dark:text-zinc-950"
                : "border-zinc-400 hover:bg-zinc-100 dark:border-zinc-600 dark:hover:bg-zinc-800"
            }`}
          >
            {r.label}
          </FilterLink>
        </li>
      ))}
    </ul>
  );
}
