"use client";

import { FilterLink } from "@/components/search/FilterLink";
import { formatMonthVi } from "@/lib/format";
import type { SearchResponse } from "@/lib/api/contract";
import { fillMonths, monthOf, monthRange } from "@/lib/ui/dates";

/** Articles per month; each bar filters to its month. Counts ignore the date filter itself. */
export function DateHistogram({ data }: { data: SearchResponse }) {
  const months = fillMonths(data.facets.dates);
  if (months.length === 0) return null;
  const { query } = data;
  const max = Math.max(...months.map((m) => m.count));
  const selected = monthOf(query);
  return (
    <div>
      <ul aria-label="Số bài theo tháng" className="flex h-24 items-end gap-0.5" data-testid="histogram">
        {months.map(({ month, count }) => {
          const label = `${formatMonthVi(month)}: ${count} bài`;
          const height = `${Math.max(count ? 8 : 2, (count / max) * 100)}%`;
          const bar = `block w-full rounded-t ${month === selected ? "bg-blue-700 dark:bg-blue-400" : "bg-blue-300 dark:bg-blue-800"}`;
          return (
            <li key={month} className="flex h-full max-w-10 min-w-0 flex-1 flex-col justify-end" title={label}>
              {count > 0 ? (
                <FilterLink
                  query={{ ...query, ...monthRange(month), page: 1 }}
                  aria-label={`Lọc ${label}`}
                  aria-current={month === selected ? "true" : undefined}
                  className="flex h-full flex-col justify-end rounded-t hover:opacity-80"
                >
                  <span className={bar} style={{ height }} />
                </FilterLink>
              ) : (
                <span className={bar} style={{ height }} aria-label={label} role="img" />
              )}
              <span aria-hidden="true" className="mt-0.5 block text-center text-[10px] text-zinc-600 dark:text-zinc-400">
                {Number(month.slice(5))}
              </span>
            </li>
          );
        })}
      </ul>
      <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
        {formatMonthVi(months[0].month)}
        {months.length > 1 && ` – ${formatMonthVi(months[months.length - 1].month)}`}
      </p>
    </div>
  );
}
