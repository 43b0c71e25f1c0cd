"use client";

import { useQueryStates, type Options } from "nuqs";
import { createContext, useCallback, useContext, useEffect } from "react";
import type { SearchQuery } from "@/lib/api/contract";
import { parseUrlState, searchHref, searchParsers, toUrlState } from "@/lib/url/search-params";

type UrlState = ReturnType<typeof toUrlState>;

/**
 * Whether the current history entry is an uncommitted, typed search. Typing pushes one
 * entry and then replaces it; any committed change (Enter, a filter, Back) ends it.
 * Module state: there is one URL per page.
 */
let typingEntry = false;
/** The words this tab last wrote from the box: their echo from the URL must not overwrite newer typing. */
let ownQ: string | null = null;

/** Whether the URL's words are the box's own echo rather than a navigation (Back, a suggestion). */
export function isOwnQuery(q: string): boolean {
  return q === ownQ;
}

/**
 * The search as the URL holds it. Writes are shallow (the client fetches results itself);
 * committed changes push a history entry so Back and Forward step through searches.
 */
export function useSearch() {
  const [state, setState] = useQueryStates(searchParsers, { shallow: true, scroll: false });
  const parsed = parseUrlState(state);

  const setParams = useCallback(
    (changes: Partial<UrlState>, options: Options = {}) => {
      typingEntry = false;
      ownQ = null;
      return setState(changes, { history: "push", ...options });
    },
    [setState],
  );
  const navigate = useCallback((query: SearchQuery, options: Options = {}) => setParams(toUrlState(query), options), [setParams]);

  /** Search as you type: one history entry per typed search, replaced while typing. */
  const typeQuery = useCallback(
    (q: string) => {
      if (q === urlQ()) return;
      const history = typingEntry ? "replace" : "push";
      typingEntry = true;
      ownQ = q;
      return setState({ q: q || null, page: null, match: null }, { history });
    },
    [setState],
  );
  /** Enter: the typed words become a committed search. */
  const commitQuery = useCallback(
    (q: string) => {
      const history = typingEntry ? "replace" : "push";
      typingEntry = false;
      ownQ = q;
      if (q !== urlQ()) return setState({ q: q || null, page: null, match: null }, { history });
    },
    [setState],
  );

  return { state, parsed, setParams, navigate, typeQuery, commitQuery };
}

/** Go to a search: the URL changes in place and a history entry is pushed. */
export type Navigate = (query: SearchQuery, options?: Options) => Promise<URLSearchParams> | void;

/**
 * The results page's `navigate`, for its many links and controls: each one calling
 * useSearch would subscribe to the URL and parse it again (on the server too, where the
 * page renders some sixty links), for a function that never changes.
 */
const NavigateContext = createContext<Navigate | null>(null);
export const NavigateProvider = NavigateContext.Provider;

/** `navigate` of the results page around; outside one, a plain page load of the search. */
export function useNavigate(): Navigate {
  return useContext(NavigateContext) ?? loadSearch;
}

function loadSearch(query: SearchQuery) {
  window.location.assign(searchHref(query));
}

/** The words in the address bar right now (a debounce may fire after a commit). */
function urlQ(): string {
  return (new URLSearchParams(window.location.search).get("q") ?? "").trim();
}

/** Back and Forward land on committed entries: typing after them starts a new one. */
export function useEndTypingOnPopState() {
  useEffect(() => {
    const end = () => {
      typingEntry = false;
      ownQ = null;
    };
    window.addEventListener("popstate", end);
    return () => window.removeEventListener("popstate", end);
  }, []);
}
