"use client";

import { FilterLink } from "@/components/search/FilterLink";
import type { SearchQuery } from "@/lib/api/contract";
import { activeFilters, withoutFilters } from "@/lib/ui/active-filters";

/** The filters in force, each removable, and one link to drop them all. */
export function ActiveFilters({ query, nameOf }: { query: SearchQuery; nameOf: (id: string) => string | undefined }) {
  const chips = activeFilters(query, nameOf);
  if (chips.length === 0) return null;
  return (
    <section aria-label="Bộ lọc đang dùng" className="flex flex-wrap items-center gap-2" data-testid="active-filters">
      <ul className="flex flex-wrap gap-2">
        {chips.map((c) => (
          <li key={c.key}>
            <FilterLink
              query={c.without}
              aria-label={`Bỏ lọc ${c.kind.toLowerCase()}: ${c.label}`}
              className="inline-flex items-center gap-1.5 rounded-full bg-blue-100 px-3 py-1 text-sm text-blue-900 hover:bg-blue-200 dark:bg-blue-900 dark:text-blue-100 dark:hover:bg-blue-800"
            >
              <span className="text-blue-800 dark:text-blue-200">{c.kind}:</span> {c.label} <span aria-hidden="true">✕</span>
            </FilterLink>
          </li>
        ))}
      </ul>
      <FilterLink query={withoutFilters(query)} className="text-sm text-blue-700 underline dark:text-blue-300">
        Xóa bộ lọc
      </FilterLink>
    </section>
  );
}
