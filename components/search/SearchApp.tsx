"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useMemo } from "react";
import { DateFacet } from "@/components/facets/DateFacet";
import { EntityFacet } from "@/components/facets/EntityFacet";
import { FacetPanel } from "@/components/facets/FacetPanel";
import { ActiveFilters } from "@/components/results/ActiveFilters";
import { CopyLinkButton } from "@/components/results/CopyLinkButton";
import { FeedLink } from "@/components/results/FeedLink";
import { GroupSwitch } from "@/components/results/GroupSwitch";
import { Notices } from "@/components/results/Notices";
import { Pagination } from "@/components/results/Pagination";
import { Results } from "@/components/results/Results";
import { ResultsSummary } from "@/components/results/ResultsSummary";
import { SortSelect } from "@/components/results/SortSelect";
import { BadParams } from "@/components/search/BadParams";
import { fetchSearch, retrySearch, SearchFailed } from "@/components/search/fetch-search";
import { NavigateProvider, useSearch } from "@/components/search/use-search";
import type { SearchQuery, SearchResponse } from "@/lib/api/contract";
import { activeFilters } from "@/lib/ui/active-filters";
import type { PageAnswer } from "@/lib/ui/page-answer";
import { searchTitle } from "@/lib/ui/page-meta";
import { describeParamError, fixFor } from "@/lib/url/param-errors";
import { toQueryString } from "@/lib/url/search-params";

/** The answer shown for `query`: the page's first answer until the client asks for another. */
function useFetchedAnswer(query: SearchQuery, initial: PageAnswer, enabled: boolean) {
  const key = toQueryString(query);
  return useQuery({
    queryKey: ["search", key],
    queryFn: ({ signal }) => fetchSearch(key, signal),
    initialData: key === toQueryString(initial.query) ? initial : undefined,
    placeholderData: keepPreviousData,
    retry: retrySearch,
    enabled,
  });
}

/**
 * What `useFetchedAnswer` gives while the server renders the page: its first answer (a query
 * that is not the answer's cannot be fetched there, so `initial` is shown then too), not
 * stale, no error. Without TanStack Query's query and observer built per request for it.
 */
function useServerAnswer(): { data: PageAnswer | undefined; isPlaceholderData: boolean; isError: boolean; error: Error | null } {
  return { data: undefined, isPlaceholderData: false, isError: false, error: null };
}

/** Chosen once per environment (so each calls the same hooks on every render); the client's first render gives what the server's did. */
const useAnswer = typeof window === "undefined" ? useServerAnswer : useFetchedAnswer;

/**
 * The results page for the URL's search; the server's answer (`initialJson`: the API's JSON
 * text, its facets cut to the values shown, lib/ui/page-answer.ts) is its first data.
 */
export function SearchApp({ initialJson }: { initialJson: string }) {
  const initial = useMemo(() => JSON.parse(initialJson) as PageAnswer, [initialJson]);
  const { parsed, navigate } = useSearch();
  const query = parsed.ok ? parsed.query : initial.query;
  const { data: fetched = initial, isPlaceholderData, isError, error } = useAnswer(query, initial, parsed.ok);

  // The tab names the search as the URL changes in place (the server titled the first one).
  const title = parsed.ok ? searchTitle(parsed.query) : null;
  useEffect(() => {
    if (title) document.title = title;
  }, [title]);

  if (!parsed.ok) {
    const raw = new URLSearchParams(window.location.search);
    return <BadParams text={describeParamError(parsed.error, raw)} fix={fixFor(raw, parsed.error)} />;
  }

  // Controls follow the URL at once; counts and hits follow when the response arrives.
  const data: SearchResponse = { ...fetched, query };
  const names = new Map([...data.facets.persons, ...data.facets.outlets, ...data.facets.sources].map((v) => [v.id, v.name]));
  const nameOf = (id: string) => names.get(id);
  const { facets } = data;
  // The page's first answer holds only the facet values it shows (lib/ui/page-answer.ts).
  const sizes = (fetched as PageAnswer).facetSizes;
  return (
    <NavigateProvider value={navigate}>
      <div className="grid gap-6 md:grid-cols-[15rem_minmax(0,1fr)]">
        <aside aria-label="Bộ lọc">
          <FacetPanel active={activeFilters(data.query, nameOf).length} total={data.total}>
            <DateFacet data={data} />
            <EntityFacet param="person" facet="persons" title="Người" values={facets.persons} size={sizes?.persons} query={data.query} />
            <EntityFacet param="outlet" facet="outlets" title="Báo" values={facets.outlets} size={sizes?.outlets} query={data.query} />
            <EntityFacet param="sources" facet="sources" title="Nguồn trích dẫn" values={facets.sources} size={sizes?.sources} query={data.query} />
          </FacetPanel>
        </aside>
        <section aria-label="Kết quả" className="min-w-0 space-y-3">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <ResultsSummary data={data} />
            <div className="flex flex-wrap items-center gap-3">
              <SortSelect query={data.query} />
              <GroupSwitch query={data.query} />
              <FeedLink query={data.query} />
              <CopyLinkButton />
            </div>
          </div>
          <ActiveFilters query={data.query} nameOf={nameOf} />
          {isError && (
            <p role="alert" className="rounded-md border border-red-400 p-3 text-sm" data-testid="search-error">
              Không tải được kết quả. Hãy thử lại.
              {error instanceof SearchFailed && (
                <>
                  {" "}
                  Máy chủ trả lời: <span className="break-all">{error.message}</span>
                </>
              )}
            </p>
          )}
          <Notices data={data} nameOf={nameOf} />
          <Results data={data} stale={isPlaceholderData} />
          <Pagination data={data} />
        </section>
      </div>
    </NavigateProvider>
  );
}
