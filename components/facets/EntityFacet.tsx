"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useId, useState } from "react";
import { PersonPageLink } from "@/components/people/PersonPageLink";
import { fetchSearch } from "@/components/search/fetch-search";
import { useNavigate } from "@/components/search/use-search";
import type { FacetCount, SearchFacets, SearchQuery } from "@/lib/api/contract";
import { toggleValue } from "@/lib/ui/active-filters";
import { FACET_TOP, facetView, withValues } from "@/lib/ui/facet-list";
import type { EntityFacetKey } from "@/lib/ui/page-answer";
import { toQueryString, type FacetParam } from "@/lib/url/search-params";
import { formatCountVi } from "@/lib/format";

const FILTER_DEBOUNCE_MS = 200;

interface FacetValuesResponse {
  facet: FacetParam;
  facetQuery: string;
  values: FacetCount[];
}

/**
 * The facet's values whose names contain the typed text, from the server: the page only
 * received the top ones, the server searches them all (GET /api/facets).
 */
function useFacetSearch(param: FacetParam, text: string, query: SearchQuery): FacetCount[] | null {
  const [typed, setTyped] = useState(text);
  useEffect(() => {
    const timer = setTimeout(() => setTyped(text), FILTER_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);
  const search = toQueryString({ ...query, page: 1 });
  const { data } = useQuery({
    queryKey: ["facet-values", param, typed, search],
    queryFn: async ({ signal }) => {
      const own = new URLSearchParams({ facet: param, facetQuery: typed });
      const res = await fetch(`/api/facets?${own}${search ? `&${search}` : ""}`, { signal });
      if (!res.ok) throw new Error(`facet search failed: ${res.status}`);
      return (await res.json()) as FacetValuesResponse;
    },
    enabled: typed !== "",
    placeholderData: keepPreviousData,
  });
  return text !== "" && data ? data.values : null;
}

/**
 * The search's whole facet lists, as the API answers them (up to 100 values each): a results
 * page's first answer holds only the values it shows (lib/ui/page-answer.ts). Asked once for
 * the three facets, only when a reader opens or filters one; the server keeps the answer the
 * page was made from (result cache), so this is not a search again.
 */
function useWholeFacets(query: SearchQuery, wanted: boolean): SearchFacets | null {
  const search = toQueryString(query);
  const { data } = useQuery({
    queryKey: ["whole-facets", search],
    queryFn: async ({ signal }) => (await fetchSearch(search, signal)).facets,
    enabled: wanted,
  });
  return wanted && data ? data : null;
}

/**
 * The server renders a facet as a reader first sees it: nothing typed in "Lọc…", the list not
 * opened, so neither hook above has anything to give (null). Their states, timers and the two
 * TanStack queries and observers per facet (six per page) were built per request for that.
 * Chosen once per environment, so each calls the same hooks on every render; the client's
 * first render gives the same nulls.
 */
const useTypedValues: typeof useFacetSearch = typeof window === "undefined" ? () => null : useFacetSearch;
const useWholeLists: typeof useWholeFacets = typeof window === "undefined" ? () => null : useWholeFacets;

/**
 * One facet (people, outlets, cited sources): checkboxes, OR within, counts disjunctive.
 * `size`: the whole list's length when `values` were cut to the ones shown (a page's first answer).
 */
export function EntityFacet({
  param,
  facet,
  title,
  values,
  size = values.length,
  query,
}: {
  param: FacetParam;
  facet: EntityFacetKey;
  title: string;
  values: FacetCount[];
  size?: number;
  query: SearchQuery;
}) {
  const navigate = useNavigate();
  const [filter, setFilter] = useState("");
  const [expanded, setExpanded] = useState(false);
  // The box got focus or the list was opened: the cut list's other values are wanted.
  const [wanted, setWanted] = useState(false);
  const id = useId();
  const found = useTypedValues(param, filter.trim(), query);
  const whole = useWholeLists(query, wanted && size > values.length);
  if (values.length === 0) return null;
  const selected = query[param];
  const listed = whole ? whole[facet] : values;
  const view = facetView(found ? withValues(listed, found) : listed, { selected, filter, expanded, size: whole ? undefined : size });
  return (
    <section aria-labelledby={id} className="space-y-2" data-testid={`facet-${param}`}>
      <h2 id={id} className="font-semibold">
        {title}
      </h2>
      {size > FACET_TOP && (
        <input
          type="text"
          value={filter}
          onFocus={() => setWanted(true)}
          onChange={(e) => {
            setWanted(true);
            setFilter(e.target.value);
          }}
          aria-label={`Lọc danh sách ${title.toLowerCase()}`}
          placeholder="Lọc…"
          className="w-full rounded-md border border-zinc-400 bg-white px-2 py-1 text-sm dark:border-zinc-600 dark:bg-zinc-900"
        />
      )}
      <ul className="space-y-1">
        {view.shown.map((v) => (
          <li key={v.id} className="flex items-start gap-1">
            <label className="flex min-w-0 flex-1 cursor-pointer items-start gap-2 text-sm">
              <input
                type="checkbox"
                checked={selected.includes(v.id)}
                onChange={() => void navigate(toggleValue(query, param, v.id))}
                value={v.id}
                className="mt-1 size-4 shrink-0 accent-blue-700"
              />
              <span className="min-w-0 flex-1 break-words">{v.name}</span>
              <span className="text-zinc-600 tabular-nums dark:text-zinc-400">{formatCountVi(v.count)}</span>
            </label>
            {param === "person" && <PersonPageLink person={v} />}
          </li>
        ))}
        {view.shown.length === 0 && <li className="text-sm text-zinc-600 dark:text-zinc-400">Không có giá trị nào khớp.</li>}
      </ul>
      {!filter && (view.more > 0 || expanded) && (
        <button
          type="button"
          onClick={() => {
            setWanted(true);
            setExpanded(!expanded);
          }}
          aria-expanded={expanded}
          className="text-sm text-blue-700 underline dark:text-blue-300"
        >
          {expanded ? "Thu gọn" : `Xem thêm (${view.more})`}
        </button>
      )}
    </section>
  );
}
