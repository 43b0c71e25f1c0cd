"use client";

import Link from "next/link";
import { FilterLink } from "@/components/search/FilterLink";
import type { SearchResponse } from "@/lib/api/contract";
import { activeFilters, FACET_LABELS } from "@/lib/ui/active-filters";

const box = "rounded-md border p-3 text-sm";

/** What the results mean: a spelling suggestion, a relaxed match, nothing found, a stale link. */
export function Notices({ data, nameOf }: { data: SearchResponse; nameOf: (id: string) => string | undefined }) {
  const { query, suggestion, relaxed, total, unknownFilters } = data;
  const filters = activeFilters(query, nameOf);
  const unknown = unknownFilters ?? [];
  const withoutUnknown = {
    ...query,
    page: 1,
    person: query.person.filter((id) => !unknown.some((u) => u.param === "person" && u.id === id)),
    outlet: query.outlet.filter((id) => !unknown.some((u) => u.param === "outlet" && u.id === id)),
    sources: query.sources.filter((id) => !unknown.some((u) => u.param === "sources" && u.id === id)),
  };
  return (
    <>
      {unknown.length > 0 && (
        <div role="alert" className={`${box} border-amber-500 bg-amber-50 dark:border-amber-600 dark:bg-amber-950`} data-testid="unknown-filters">
          <p>
            Liên kết này lọc theo{" "}
            {unknown.map((u, i) => (
              <span key={`${u.param}:${u.id}`}>
                {i > 0 && ", "}
                {FACET_LABELS[u.param].toLowerCase()} <code className="break-all">{u.id}</code>
              </span>
            ))}{" "}
            — không có trong dữ liệu hiện tại (liên kết cũ hoặc gõ nhầm).
          </p>
          <p className="mt-2 flex flex-wrap gap-x-4">
            <FilterLink query={withoutUnknown} className="text-blue-700 underline dark:text-blue-300">
              Bỏ các bộ lọc này
            </FilterLink>
            <Link href="/" className="text-blue-700 underline dark:text-blue-300">
              Bắt đầu tìm kiếm mới
            </Link>
          </p>
        </div>
      )}
      {suggestion && (
        <p className={`${box} border-zinc-300 dark:border-zinc-700`} data-testid="suggestion">
          Có phải bạn muốn tìm{" "}
          <FilterLink query={{ ...query, q: suggestion, page: 1 }} className="font-semibold text-blue-700 underline dark:text-blue-300">
            {suggestion}
          </FilterLink>
          ?
        </p>
      )}
      {relaxed && total > 0 && (
        <p className={`${box} border-zinc-300 dark:border-zinc-700`} data-testid="relaxed">
          Không có bài nào chứa tất cả các từ bạn tìm; đây là các bài chứa một số từ trong đó.
        </p>
      )}
      {total === 0 && (
        <div className={`${box} border-zinc-300 dark:border-zinc-700`} data-testid="no-results">
          <p className="font-medium">
            {query.q ? <>Không tìm thấy bài nào cho “{query.q}”</> : "Không có bài nào"}
            {filters.length > 0 ? " với các bộ lọc đang chọn." : "."}
          </p>
          {filters.length > 0 && (
            <ul className="mt-2 space-y-1">
              {filters.map((f) => (
                <li key={f.key}>
                  <FilterLink query={f.without} className="text-blue-700 underline dark:text-blue-300">
                    Bỏ lọc {f.kind.toLowerCase()}: {f.label}
                  </FilterLink>
                </li>
              ))}
            </ul>
          )}
          {!suggestion && query.q && filters.length === 0 && <p className="mt-2">Hãy thử ít từ hơn hoặc từ khác.</p>}
        </div>
      )}
    </>
  );
}
