"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useSearchParams } from "next/navigation";
import { Results } from "@/components/search/Results";
import type { SearchResponse } from "@/lib/search/types";
import { parseSearchParams, toQueryString } from "@/lib/url/search-params";

/** Results for the URL's search; the server's render is the first page of data. */
export function SearchApp({ initial }: { initial: SearchResponse }) {
  const params = useSearchParams();
  const parsed = parseSearchParams(params);
  const query = parsed.ok ? parsed.query : initial.query;
  const key = toQueryString(query);
  const { data } = useQuery({
    queryKey: ["search", key],
    queryFn: async ({ signal }) => {
      const res = await fetch(`/api/search?${key}`, { signal });
      if (!res.ok) throw new Error(`search failed: ${res.status}`);
      return (await res.json()) as SearchResponse;
    },
    initialData: key === toQueryString(initial.query) ? initial : undefined,
    placeholderData: keepPreviousData,
  });
  return <Results data={data ?? initial} />;
}
