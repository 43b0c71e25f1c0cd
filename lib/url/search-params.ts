// The one module that owns the search URL: the page, the client and the API all parse
// and write search parameters through it, so every state is a link and back again.
import { ISO_DATE, isCalendarDate } from "@/lib/calendar";
import { parseAsNativeArrayOf, parseAsString } from "nuqs/server"; // the server-safe entry: same parsers, no "use client"
// zod/mini: the same schemas as classic zod, tree-shakable, so the client bundle stays small.
import * as z from "zod/mini";
import type { MatchMode, SearchQuery, SortOrder } from "@/lib/api/contract";
import { writeQueryString } from "@/lib/url/query-string";

export const SORT_ORDERS = ["relevance", "newest", "oldest"] as const satisfies readonly SortOrder[];
export const MATCH_MODES = ["all", "any", "exact"] as const satisfies readonly MatchMode[];
export const MAX_QUERY_LENGTH = 200;
export const DEFAULT_SIZE = 10;
export const MAX_SIZE = 50;
export const MAX_PAGE = 1000;
/** Distinct values per facet parameter: a link with hundreds would cost the page O(n²) links. */
export const MAX_FACET_VALUES = 50;
export const FACET_PARAMS = ["person", "outlet", "sources"] as const;
/** `undated=only` lists the articles without a date; `undated=exclude` leaves them out. */
export const UNDATED_VALUES = ["only", "exclude"] as const;
export type FacetParam = (typeof FACET_PARAMS)[number];

export const FACET_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A real calendar date written `YYYY-MM-DD` (no 2025-02-30). */
const isoDate = z.string().check(z.regex(ISO_DATE, "must be a date written YYYY-MM-DD"), z.refine(isCalendarDate, "is not a real calendar date"));

const integer = (min: number, max: number) =>
  z.pipe(
    z.pipe(z.string().check(z.regex(/^\d+$/, `must be a whole number from ${min} to ${max}`)), z.transform(Number)),
    z.number().check(z.minimum(min, `must be at least ${min}`), z.maximum(max, `must be at most ${max}`)),
  );

const facetIds = z.pipe(
  z.pipe(
    z.array(z.string().check(z.maxLength(100, "is too long"), z.regex(FACET_ID, "must be an id as the API returns it, like vladimir-putin"))),
    z.transform((ids: string[]) => [...new Set(ids)]),
  ),
  z.array(z.string()).check(z.maxLength(MAX_FACET_VALUES, `must have at most ${MAX_FACET_VALUES} different values`)),
);

/** Control characters, and the zero-width space (a word break, as lib/corpus/text.ts's `tidy` reads it). */
const SPACES = /[\p{Cc}\u200b]/gu;
/**
 * Invisible format characters (zero-width joiner and non-joiner, soft hyphen, bidi marks and
 * overrides, BOM): pasted along with a word, they would split it in two (`Pu\u00adtin` found
 * nothing), and in a page they can turn the text around them.
 */
const FORMAT = /\p{Cf}/gu;
/** A query's text as every route reads it: control characters as spaces, format characters dropped, trimmed. */
export const queryText = (s: string) => s.replace(SPACES, " ").replace(FORMAT, "").trim();

/**
 * Every search parameter and its rule: the one list both the server's schema and the
 * client's URL parsers are built from, so neither can read a parameter the other ignores.
 */
const FIELDS = {
  // A control character (a NUL, a tab or line break pasted in) is never part of a query: it reads
  // as a space; an invisible format character (a soft hyphen, a bidi mark) is dropped.
  q: z._default(z.string().check(z.overwrite(queryText), z.maxLength(MAX_QUERY_LENGTH, `must be at most ${MAX_QUERY_LENGTH} characters`)), ""),
  from: z._default(z.nullable(isoDate), null),
  to: z._default(z.nullable(isoDate), null),
  person: z._default(facetIds, []),
  outlet: z._default(facetIds, []),
  sources: z._default(facetIds, []),
  undated: z._default(z.nullable(z.enum(UNDATED_VALUES, { error: `must be one of ${UNDATED_VALUES.join(", ")}` })), null),
  sort: z.optional(z.enum(SORT_ORDERS, { error: `must be one of ${SORT_ORDERS.join(", ")}` })),
  page: z._default(integer(1, MAX_PAGE), 1),
  size: z._default(integer(1, MAX_SIZE), DEFAULT_SIZE),
  match: z.optional(z.enum(MATCH_MODES, { error: `must be one of ${MATCH_MODES.join(", ")}` })),
  /** `group=0`: every article on its own; each story once otherwise (the default). */
  group: z._default(z.nullable(z.enum(["0", "1"], { error: "must be 0 (every article on its own) or 1 (each story once)" })), null),
};
export type SearchParam = keyof typeof FIELDS;

const schema = z.pipe(
  z.object(FIELDS).check(
    z.refine((v) => !v.from || !v.to || v.from <= v.to, { path: ["to"], message: "must not be before from" }),
    z.refine((v) => v.undated !== "only" || (!v.from && !v.to), {
      path: ["undated"],
      message: "=only lists articles without a date, so it cannot be combined with from or to",
    }),
  ),
  z.transform((v): SearchQuery => {
    const { match, group, ...rest } = v;
    const query: SearchQuery = { ...rest, sort: v.sort ?? (v.q ? "relevance" : "newest"), group: group !== "0" };
    // "all" is the default: left out, so links and echoes stay as they were.
    if (match && match !== "all") query.match = match;
    return query;
  }),
);

export interface ParamError {
  param: string;
  message: string;
}

export type ParseResult = { ok: true; query: SearchQuery } | { ok: false; error: ParamError };

/** What Next hands a page as `searchParams`, or a URLSearchParams. */
export type RawParams = URLSearchParams | Record<string, string | string[] | undefined>;

const LIST_PARAMS = new Set<string>(FACET_PARAMS);
/** The parameters the schema reads, in URL order. */
export const SEARCH_PARAMS = Object.keys(FIELDS) as SearchParam[];

/** Validate raw search parameters; unknown parameters are ignored, empty ones count as absent. */
export function parseSearchParams(raw: RawParams): ParseResult {
  const input: Record<string, string | string[]> = {};
  for (const key of SEARCH_PARAMS) {
    const values = valuesOf(raw, key).filter((v) => v.trim() !== "" || key === "q");
    if (values.length === 0) continue;
    input[key] = LIST_PARAMS.has(key) ? values : values[0];
  }
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, query: parsed.data };
  const issue = parsed.error.issues[0];
  const param = String(issue.path[0] ?? "query");
  return { ok: false, error: { param, message: `${param} ${issue.message}` } };
}

function valuesOf(raw: RawParams, key: string): string[] {
  if (raw instanceof URLSearchParams) return raw.getAll(key);
  // Own string values only: Next.js builds the page's searchParams with plain assignment, so
  // `?__proto__=` gives the object an array prototype, and `sort` then inherits Array's sort.
  if (!Object.hasOwn(raw, key)) return [];
  const value = raw[key];
  const values = Array.isArray(value) ? value : [value];
  return values.filter((v): v is string => typeof v === "string");
}

const listParser = parseAsNativeArrayOf(parseAsString);
type Parsers = { [K in SearchParam]: K extends FacetParam ? typeof listParser : typeof parseAsString };

/**
 * nuqs parsers for the same parameters, built from FIELDS: they only read the raw strings;
 * `parseUrlState` validates them with the server's schema. Defaults stay out of URLs.
 */
export const searchParsers = Object.fromEntries(SEARCH_PARAMS.map((key) => [key, LIST_PARAMS.has(key) ? listParser : parseAsString])) as Parsers;

/**
 * The query string nuqs's serializer (`createSerializer(searchParsers, { clearOnDefault: true })`)
 * writes, written directly (lib/url/query-string.ts; search-params.test.ts checks they agree).
 */
const serialize = (state: Partial<ReturnType<typeof toUrlState>>) => writeQueryString(SEARCH_PARAMS, state);

/** The URL values for a search: defaults become `null`, so they stay out of the URL. */
export function toUrlState(query: Partial<SearchQuery>): { [K in SearchParam]: K extends FacetParam ? string[] | null : string | null } {
  const defaultSort = query.q ? "relevance" : "newest";
  return {
    q: query.q || null,
    from: query.from ?? null,
    to: query.to ?? null,
    person: query.person?.length ? query.person : null,
    outlet: query.outlet?.length ? query.outlet : null,
    sources: query.sources?.length ? query.sources : null,
    undated: query.undated ?? null,
    sort: query.sort && query.sort !== defaultSort ? query.sort : null,
    page: query.page && query.page > 1 ? String(query.page) : null,
    size: query.size && query.size !== DEFAULT_SIZE ? String(query.size) : null,
    match: query.match && query.match !== "all" ? query.match : null,
    group: query.group === false ? "0" : null,
  };
}

/** The nuqs state of a URL, as it parses and validates on the server. */
export function parseUrlState(state: Partial<ReturnType<typeof toUrlState>>): ParseResult {
  return parseSearchParams(new URLSearchParams(serialize(state)));
}

/** The canonical query string for a search (no leading `?`; defaults omitted). */
export function toQueryString(query: Partial<SearchQuery>): string {
  return serialize(toUrlState(query));
}

/** A link to the search page for `query`. */
export function searchHref(query: Partial<SearchQuery>): string {
  const qs = toQueryString(query);
  return qs ? `/?${qs}` : "/";
}

export const EMPTY_QUERY: SearchQuery = {
  q: "",
  from: null,
  to: null,
  person: [],
  outlet: [],
  sources: [],
  undated: null,
  sort: "newest",
  page: 1,
  size: DEFAULT_SIZE,
};

/**
 * The search the API and the results page compute for `?q=…` alone: relevance order, grouped
 * by story, the first page. Scripts that time `search()` in process use it, so they time what
 * a request computes (EMPTY_QUERY is the home page's: newest first, not grouped).
 */
export function wordsQuery(q: string): SearchQuery {
  const parsed = parseSearchParams(new URLSearchParams({ q }));
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.query;
}
