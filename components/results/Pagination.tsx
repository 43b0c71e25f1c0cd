"use client";

import { FilterLink } from "@/components/search/FilterLink";
import type { SearchResponse } from "@/lib/api/contract";
import { listedCount } from "@/lib/ui/near-miss";
import { pageCount, pageItems } from "@/lib/ui/pagination";

const link = "inline-block min-w-9 rounded-md px-3 py-1.5 text-center";

export function Pagination({ data }: { data: SearchResponse }) {
  const { query } = data;
  const pages = pageCount(listedCount(data), query.size);
  if (pages <= 1) return null;
  const at = (page: number) => ({ ...query, page });
  return (
    <nav aria-label="Phân trang" className="mt-6">
      <ul className="flex flex-wrap items-center gap-1">
        {query.page > 1 && (
          <li>
            <FilterLink query={at(query.page - 1)} scrollTop rel="prev" className={`${link} hover:bg-zinc-100 dark:hover:bg-zinc-800`}>
              ‹ Trước
            </FilterLink>
          </li>
        )}
        {pageItems(query.page, pages).map((item, i) =>
          item === "gap" ? (
            <li key={`gap${i}`} aria-hidden="true" className="px-1">
              …
            </li>
          ) : (
            <li key={item}>
              {item === query.page ? (
                <span aria-current="page" className={`${link} bg-blue-700 font-semibold text-white`}>
                  <span className="sr-only">Trang </span>
                  {item}
                </span>
              ) : (
                <FilterLink query={at(item)} scrollTop className={`${link} hover:bg-zinc-100 dark:hover:bg-zinc-800`}>
                  <span className="sr-only">Trang </span>
                  {item}
                </FilterLink>
              )}
            </li>
          ),
        )}
        {query.page < pages && (
          <li>
            <FilterLink query={at(query.page + 1)} scrollTop rel="next" className={`${link} hover:bg-zinc-100 dark:hover:bg-zinc-800`}>
              Sau ›
            </FilterLink>
          </li>
        )}
      </ul>
    </nav>
  );
}
