// The active filters as removable chips, and the search without each of them.
import { formatDateVi, formatMonthVi } from "@/lib/format";
import type { SearchQuery } from "@/lib/api/contract";
import { monthOf } from "@/lib/ui/dates";
import { FACET_PARAMS, type FacetParam } from "@/lib/url/search-params";

export interface ActiveFilter {
  /** Stable React key, e.g. `person:vladimir-putin`. */
  key: string;
  /** What the chip says, e.g. `Từ 7/8/2025`, `Tháng 8/2025` or `Vladimir Putin`. */
  label: string;
  /** The kind of filter, read out before the value. */
  kind: string;
  /** The same search without this filter. */
  without: SearchQuery;
}

export const FACET_LABELS: Record<FacetParam, string> = { person: "Người", outlet: "Báo", sources: "Nguồn trích dẫn" };

export function activeFilters(query: SearchQuery, nameOf: (id: string) => string | undefined): ActiveFilter[] {
  const base = { ...query, page: 1 };
  const out: ActiveFilter[] = [];
  const month = monthOf(query);
  if (month) {
    // A whole month (a histogram bar) is one filter, removed at once.
    const label = formatMonthVi(month).replace(/^t/, "T");
    out.push({ key: "month", kind: "Ngày", label, without: { ...base, from: null, to: null } });
  } else {
    if (query.from) out.push({ key: "from", kind: "Ngày", label: `Từ ${formatDateVi(query.from)}`, without: { ...base, from: null } });
    if (query.to) out.push({ key: "to", kind: "Ngày", label: `Đến ${formatDateVi(query.to)}`, without: { ...base, to: null } });
  }
  if (query.undated) {
    const label = query.undated === "only" ? "Chỉ bài không rõ ngày" : "Bỏ bài không rõ ngày";
    out.push({ key: "undated", kind: "Ngày", label, without: { ...base, undated: null } });
  }
  for (const param of FACET_PARAMS) {
    for (const id of query[param]) {
      out.push({
        key: `${param}:${id}`,
        kind: FACET_LABELS[param],
        label: nameOf(id) ?? id,
        without: { ...base, [param]: query[param].filter((x) => x !== id) },
      });
    }
  }
  return out;
}

/** The search with every filter dropped, the words kept. */
export function withoutFilters(query: SearchQuery): SearchQuery {
  return { ...query, from: null, to: null, undated: null, person: [], outlet: [], sources: [], page: 1 };
}

/** Adds a facet value (or removes it when already selected). */
export function toggleValue(query: SearchQuery, param: FacetParam, id: string): SearchQuery {
  const values = query[param];
  const next = values.includes(id) ? values.filter((x) => x !== id) : [...values, id];
  return { ...query, [param]: next, page: 1 };
}
