// A search's query string written directly, as nuqs's serializer (createSerializer over
// searchParsers, clearOnDefault) writes it: the same keys in the same order, the same
// characters escaped. A results page writes one for each of its ~80 links (histogram bars,
// ranges, chips, pages) on the server; the serializer builds a URLSearchParams, compares
// each value with its default and runs eleven replace passes per value: 2.6% of a computed
// page's server CPU by profile (docs/history/performance-log.md, page19).
// query-string.test.ts checks the two agree on random states; nuqs stays the one reader and
// writer of the browser's URL.

/** A URL state: each parameter's raw string, its list of strings, or null (absent). */
export type QueryStringState = Record<string, string | readonly string[] | null | undefined>;

/**
 * Characters nuqs's `encodeQueryValue` rewrites, and a lone surrogate (with the `u` flag a
 * pair is one code point), which its URLSearchParams turns into U+FFFD; the rest is kept.
 */
const NEEDS_ESCAPE = /[%+ #&"'`<>\x00-\x1F\uD800-\uDFFF]/u;
const ESCAPES = /[%+ #&"'`<>\x00-\x1F\uD800-\uDFFF]/gu;
const ESCAPED: Record<string, string> = {
  "%": "%25",
  "+": "%2B",
  " ": "+",
  "#": "%23",
  "&": "%26",
  '"': "%22",
  "'": "%27",
  "`": "%60",
  "<": "%3C",
  ">": "%3E",
};

/** One value as nuqs writes it: its passes done in one (none of them writes what a later one rewrites). */
export function encodeQueryValue(value: string): string {
  if (!NEEDS_ESCAPE.test(value)) return value;
  return value.replace(ESCAPES, (c) => ESCAPED[c] ?? (c < " " ? encodeURIComponent(c) : "\uFFFD"));
}

/**
 * The query string (no leading `?`) of `state` over `keys`, in the keys' order: a null or
 * missing value and an empty list (a list's default) are left out; a list repeats its key.
 * Keys are written as given: the search's parameter names need no escaping.
 */
export function writeQueryString(keys: readonly string[], state: QueryStringState): string {
  let out = "";
  for (const key of keys) {
    const value = state[key];
    if (value === null || value === undefined) continue;
    if (typeof value === "string") {
      out += `${out ? "&" : ""}${key}=${encodeQueryValue(value)}`;
      continue;
    }
    for (const v of value) out += `${out ? "&" : ""}${key}=${encodeQueryValue(v)}`;
  }
  return out;
}
