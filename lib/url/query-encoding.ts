// A query string's own encoding, judged before any parameter is read. URLSearchParams (and
// Next's searchParams) decode what is not valid percent-encoded UTF-8 without a word: `%ff`
// and `%E0%A4` become U+FFFD, a lone `%` or `%zz` stays as it is. A link damaged that way
// would be answered as another search (`?q=%ff` browsed everything), so it is a bad
// parameter instead, named like any other.
import { FACET_PARAMS, parseSearchParams, SEARCH_PARAMS, type ParamError, type ParseResult } from "@/lib/url/search-params";

export const BAD_ENCODING = "is not valid percent-encoded UTF-8";

/**
 * Set by proxy.ts on a results page request whose named parameter is badly encoded, and on an
 * article page's request whose hints are (their names, joined by commas): the page only sees
 * Next's decoded searchParams, where `%ff` is already U+FFFD and `%zz` cannot be told from
 * `%25zz`. A client's own is removed (proxy.ts, lib/http/node-page-front.ts).
 */
export const BAD_ENCODING_HEADER = "x-tim-tin-bad-encoding";

/** The form decoding of one name or value, or null when it is not valid percent-encoded UTF-8. */
function strictDecode(part: string): string | null {
  try {
    return decodeURIComponent(part.replaceAll("+", " "));
  } catch {
    return null;
  }
}

/**
 * The first of `names` whose value in the raw query string `search` (with or without its `?`)
 * is not valid percent-encoded UTF-8. A name that does not decode is no parameter we know:
 * ignored, as unknown parameters are. Only the values a route reads are judged (a repeated
 * parameter's others are ignored, as unknown ones are): every value of a facet list; of any
 * other parameter the first, or for the search's single values but `q` the first that is not
 * blank (search-params.ts, parseSearchParams).
 */
export function badlyEncodedParam(search: string, names: ReadonlySet<string>): ParamError | null {
  const query = search.startsWith("?") ? search.slice(1) : search;
  if (!query.includes("%")) return null; // the common case: nothing encoded, nothing to judge
  const read = new Set<string>();
  for (const pair of query.split("&")) {
    const eq = pair.indexOf("=");
    const name = strictDecode(eq < 0 ? pair : pair.slice(0, eq));
    if (name === null || !names.has(name) || read.has(name)) continue;
    const value = eq < 0 ? "" : strictDecode(pair.slice(eq + 1));
    if (value === null) return { param: name, message: `${name} ${BAD_ENCODING}` };
    const skipsBlank = SEARCH_PARAM_NAMES.has(name) && name !== "q";
    if (!LIST_PARAMS.has(name) && !(skipsBlank && value.trim() === "")) read.add(name);
  }
  return null;
}

const LIST_PARAMS: ReadonlySet<string> = new Set(FACET_PARAMS);
export const SEARCH_PARAM_NAMES: ReadonlySet<string> = new Set(SEARCH_PARAMS);

/** The search parameters of a raw query string: its encoding first, then their values (search-params.ts). */
export function parseSearchQuery(search: string): ParseResult {
  const error = badlyEncodedParam(search, SEARCH_PARAM_NAMES);
  return error ? { ok: false, error } : parseSearchParams(new URLSearchParams(search));
}

/** The article page's hints proxy.ts found badly encoded (BAD_ENCODING_HEADER: names joined by commas), dropped by the page. */
export function droppedHints(header: string | null): ReadonlySet<string> {
  return new Set(header ? header.split(",") : []);
}

/** The error for a parameter proxy.ts found badly encoded (BAD_ENCODING_HEADER), if it is one of ours. */
export function encodingError(param: string | null): ParamError | null {
  return param !== null && SEARCH_PARAM_NAMES.has(param) ? { param, message: `${param} ${BAD_ENCODING}` } : null;
}
