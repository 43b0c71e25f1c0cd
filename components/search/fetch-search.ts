// The client's one way to ask /api/search: the results page (SearchApp) and a facet's whole
// list (EntityFacet) share it, with the API's own error message on failure.
import type { SearchResponse } from "@/lib/api/contract";

/** The API's answer to a search (`key`: its query string). */
export async function fetchSearch(key: string, signal: AbortSignal): Promise<SearchResponse> {
  const res = await fetch(`/api/search?${key}`, { signal });
  if (!res.ok) throw new SearchFailed(res.status, await apiErrorMessage(res));
  return (await res.json()) as SearchResponse;
}

/** A failed search, with the API's own message when it sent one (a 400 names the parameter). */
export class SearchFailed extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Retry what may pass next time (network, 5xx, 503 while indexing); never a 4xx. */
export function retrySearch(failures: number, error: Error): boolean {
  if (error instanceof SearchFailed && error.status >= 400 && error.status < 500) return false;
  return failures < 3;
}

async function apiErrorMessage(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as { error?: { message?: unknown } };
    if (typeof body.error?.message === "string") return body.error.message;
  } catch {
    // not JSON: fall through to the status
  }
  return `HTTP ${res.status}`;
}
