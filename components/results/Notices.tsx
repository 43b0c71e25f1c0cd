"use client";

import Link from "next/link";
import { FilterLink } from "@/components/search/FilterLink";
import type { SearchResponse } from "@/lib/api/contract";
import { activeFilters, FACET_LABELS } from "@/lib/ui/active-filters";
import { listedCount } from "@/lib/ui/near-miss";
import { pageCount } from "@/lib/ui/pagination";
import { hasSearchableText } from "@/lib/ui/searchable";
import { formatCountVi } from "@/lib/format";

const box = "rounded-md border p-3 text-sm";

const link = "font-semibold text-blue-700 underline dark:text-blue-300";

/** What the results mean: a correction, a suggestion, a looser match, nothing found, a page past the end, a stale link. */
export function Notices({ data, nameOf }: { data: SearchResponse; nameOf: (id: string) => string | undefined }) {
  const { query, suggestion, relaxed, total, unknownFilters, correctedQuery, excludedAll } = data;
  const severalWords = query.q.trim().split(/\s+/).length > 1;
  const pages = pageCount(listedCount(data), query.size);
  const filters = activeFilters(query, nameOf);
  // No article has every word: near misses listed alone, each saying what it lacks (issue #11 as amended).
  const nearOnly = total === 0 && (data.totalNearMisses ?? 0) > 0;
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
      {correctedQuery && (
        <p className={`${box} border-zinc-300 dark:border-zinc-700`} data-testid="corrected">
          Hiển thị kết quả cho «
          <FilterLink query={{ ...query, q: correctedQuery, match: undefined, page: 1 }} className={link}>
            {correctedQuery}
          </FilterLink>
          ». Tìm chính xác «
          <FilterLink query={{ ...query, match: "exact", page: 1 }} className={link}>
            {query.q}
          </FilterLink>
          »
        </p>
      )}
      {suggestion && !correctedQuery && (
        <p className={`${box} border-zinc-300 dark:border-zinc-700`} data-testid="suggestion">
          Có phải bạn muốn tìm «
          <FilterLink query={{ ...query, q: suggestion, match: undefined, page: 1 }} className={link}>
            {suggestion}
          </FilterLink>
          »?
        </p>
      )}
      {relaxed && total > 0 && (
        <p className={`${box} border-zinc-300 dark:border-zinc-700`} data-testid="relaxed">
          Các bài chứa một số từ khóa của «{query.q}».{" "}
          <FilterLink query={{ ...query, match: undefined, page: 1 }} className={link}>
            Chỉ tìm bài có tất cả các từ
          </FilterLink>
        </p>
      )}
      {total > 0 && query.page > pages && (
        <p className={`${box} border-zinc-300 dark:border-zinc-700`} data-testid="past-end">
          Trang {query.page} không có kết quả: tìm kiếm này có {formatCountVi(total)} kết quả trên {formatCountVi(pages)} trang.{" "}
          <FilterLink query={{ ...query, page: pages }} className="font-medium text-blue-700 underline dark:text-blue-300">
            Đến trang cuối (trang {pages})
          </FilterLink>
        </p>
      )}
      {excludedAll && (
        <p className={`${box} border-amber-500 dark:border-amber-600`} data-testid="excluded-all">
          {excludedAll.q ? (
            <>
              Có {formatCountVi(excludedAll.total)} bài cho “{excludedAll.q}”
            </>
          ) : (
            <>Có {formatCountVi(excludedAll.total)} bài</>
          )}
          {excludedAll.q ? "" : " trong kho"}, nhưng từ loại trừ {excludedAll.excluded.map((x) => `“${x}”`).join(", ")} đã loại hết.{" "}
          <FilterLink query={{ ...query, q: excludedAll.q, page: 1 }} className="font-medium text-blue-700 underline dark:text-blue-300">
            {excludedAll.q ? `Tìm “${excludedAll.q}” không loại trừ` : "Xem tất cả, không loại trừ"}
          </FilterLink>
        </p>
      )}
      {total === 0 && (
        <div className={`${box} border-zinc-300 dark:border-zinc-700`} data-testid="no-results">
          <p className="font-medium">
            {query.q ? <>Không tìm thấy kết quả cho «{query.q}»</> : "Không có bài nào"}
            {filters.length > 0 ? " với các bộ lọc đang chọn." : "."}
          </p>
          {query.q && !hasSearchableText(query.q) && (
            <p className="mt-2" data-testid="no-words">
              Từ khóa không có chữ hay số nào để tìm.
            </p>
          )}
          {nearOnly && (
            <p className="mt-2" data-testid="near-misses-only">
              Không có bài nào chứa tất cả các từ. Các bài dưới đây thiếu một số từ, ghi rõ ở từng bài.
            </p>
          )}
          {query.q && severalWords && hasSearchableText(query.q) && query.match !== "any" && (
            <p className="mt-2">
              <FilterLink query={{ ...query, match: "any", page: 1 }} className={link} data-testid="match-any">
                Tìm bài có một số từ khóa
              </FilterLink>
            </p>
          )}
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
          {!suggestion && !excludedAll && !nearOnly && query.q && filters.length === 0 && <p className="mt-2">Hãy thử ít từ hơn hoặc từ khác.</p>}
        </div>
      )}
    </>
  );
}
