"use client";

import { FilterLink } from "@/components/search/FilterLink";
import type { SearchResponse } from "@/lib/api/contract";
import { activeQuickRange, quickRanges, rangeEndLabel } from "@/lib/ui/dates";

/**
 * 7 ngày / 30 ngày / 12 tháng, counted back from today when the archive is live and recent,
 * otherwise from its newest article, and the page says which; and "Tất cả".
 */
export function QuickRanges({ data }: { data: SearchResponse }) {
  const { query } = data;
  const end = data.rangeEnd ?? (data.newestDate ? { date: data.newestDate, basis: "newest" as const } : null);
  const ranges = quickRanges(end?.date ?? null);
  const active = activeQuickRange(ranges, query);
  const endLabel = end ? rangeEndLabel(end) : null;
  return (
    <div className="space-y-1">
      <ul aria-label="Khoảng thời gian nhanh" className="flex flex-wrap gap-1.5">
        {ranges.map((r) => {
          const full = r.key === "all" || !endLabel ? r.label : `${r.label} trước ${endLabel}`;
          return (
            <li key={r.key}>
              <FilterLink
                query={{ ...query, from: r.from, to: r.to, undated: r.from && query.undated === "only" ? null : query.undated, page: 1 }}
                aria-label={full}
                title={full}
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
          );
        })}
      </ul>
      {end && (
        <p className="text-xs text-zinc-600 dark:text-zinc-400" data-testid="range-end">
          {end.basis === "today" ? `Tính đến hôm nay, ${endLabel}` : `Tính đến ${endLabel}, ngày của bài mới nhất`}
        </p>
      )}
    </div>
  );
}
