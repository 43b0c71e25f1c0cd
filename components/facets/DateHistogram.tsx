"use client";

import { FilterLink } from "@/components/search/FilterLink";
import type { SearchResponse } from "@/lib/api/contract";
import { bucketLabel, bucketTick, parentRange } from "@/lib/ui/dates";
import { formatCountVi } from "@/lib/format";

const UNIT_NAME = { day: "ngày", week: "tuần", month: "tháng", year: "năm" } as const;

/**
 * Articles per day, week, month or year, whichever fits the span of the results; each bar
 * is a link that zooms in to its range. Counts honour every filter but `undated`. Below,
 * the articles without a date: listed alone, or left out.
 */
export function DateHistogram({ data }: { data: SearchResponse }) {
  const { query } = data;
  const buckets = data.facets.dateBuckets ?? [];
  const undated = data.facets.undated ?? 0;
  const up = parentRange(query);
  if (buckets.length === 0 && undated === 0 && !query.undated && !up) return null;
  const max = Math.max(1, ...buckets.map((b) => b.count));
  const unit = buckets[0]?.unit;
  // A bar lists dated articles: it cannot keep `undated=only`.
  const keepUndated = query.undated === "only" ? null : query.undated;
  return (
    <div className="space-y-1">
      {buckets.length > 0 && (
        <ul aria-label={`Số bài theo ${UNIT_NAME[unit!]}`} className="flex h-24 items-end gap-0.5" data-testid="histogram" data-unit={unit}>
          {buckets.map((b) => {
            const label = `${bucketLabel(b)}: ${b.count} bài`;
            const selected = b.from === query.from && b.to === query.to;
            const height = `${Math.max(b.count ? 8 : 2, (b.count / max) * 100)}%`;
            const bar = `block w-full rounded-t ${selected ? "bg-blue-700 dark:bg-blue-400" : "bg-blue-300 dark:bg-blue-800"}`;
            return (
              <li key={b.from} className="flex h-full max-w-10 min-w-0 flex-1 flex-col justify-end" title={label}>
                {b.count > 0 ? (
                  <FilterLink
                    query={{ ...query, from: b.from, to: b.to, undated: keepUndated, page: 1 }}
                    aria-label={`Lọc ${label}`}
                    aria-current={selected ? "true" : undefined}
                    className="flex h-full flex-col justify-end rounded-t hover:opacity-80"
                  >
                    <span className={bar} style={{ height }} />
                  </FilterLink>
                ) : (
                  <span className={bar} style={{ height }} aria-label={label} role="img" />
                )}
                <span aria-hidden="true" className="mt-0.5 block truncate text-center text-[10px] text-zinc-600 dark:text-zinc-400">
                  {bucketTick(b)}
                </span>
              </li>
            );
          })}
        </ul>
      )}
      <p className="flex flex-wrap justify-between gap-x-2 text-xs text-zinc-600 dark:text-zinc-400">
        {buckets.length > 0 && (
          <span>
            {bucketLabel(buckets[0])}
            {buckets.length > 1 && ` – ${bucketLabel(buckets[buckets.length - 1])}`}
          </span>
        )}
        {up && (
          <FilterLink query={{ ...query, from: up.from, to: up.to, page: 1 }} className="text-blue-700 underline dark:text-blue-300">
            ‹ {up.label}
          </FilterLink>
        )}
      </p>
      {(undated > 0 || query.undated) && (
        <ul aria-label="Bài không rõ ngày" className="flex flex-wrap gap-1.5 text-sm" data-testid="undated">
          <li>
            <FilterLink
              query={{ ...query, from: null, to: null, undated: query.undated === "only" ? null : "only", page: 1 }}
              aria-current={query.undated === "only" ? "true" : undefined}
              className={chip(query.undated === "only")}
            >
              Không rõ ngày ({formatCountVi(undated)})
            </FilterLink>
          </li>
          <li>
            <FilterLink
              query={{ ...query, undated: query.undated === "exclude" ? null : "exclude", page: 1 }}
              aria-current={query.undated === "exclude" ? "true" : undefined}
              className={chip(query.undated === "exclude")}
            >
              Bỏ bài không rõ ngày
            </FilterLink>
          </li>
        </ul>
      )}
    </div>
  );
}

function chip(active: boolean): string {
  return `inline-block rounded-full border px-2.5 py-0.5 ${
    active
      ? "border-blue-700 bg-blue-700 text-white dark:border-blue-400 dark:bg-blue-400 dark:text-zinc-950"
      : "border-zinc-400 hover:bg-zinc-100 dark:border-zinc-600 dark:hover:bg-zinc-800"
  }`;
}
