import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { cache } from "react";
import { BadParams } from "@/components/search/BadParams";
import { SearchApp } from "@/components/search/SearchApp";
import { SearchBox } from "@/components/search/SearchBox";
import { logIfSlow } from "@/lib/log";
import { IndexingNotice } from "@/components/search/IndexingNotice";
import { SkipLink } from "@/components/search/SkipLink";
import type { SearchResponse } from "@/lib/api/contract";
import { explainExclusions } from "@/lib/search/exclusions";
import type { AnswerText } from "@/lib/search/result-cache";
import { pageAnswer, pageView } from "@/lib/ui/page-answer";
import { serviceState } from "@/lib/search/service";
import { SITE_NAME, searchDescription, searchTitle } from "@/lib/ui/page-meta";
import { describeParamError, fixFor } from "@/lib/url/param-errors";
import { BAD_ENCODING_HEADER, encodingError } from "@/lib/url/query-encoding";
import { firstParam } from "@/lib/url/links";
import { MAX_QUERY_LENGTH, parseSearchParams, toQueryString, toUrlState, type ParseResult, type RawParams } from "@/lib/url/search-params";

export const dynamic = "force-dynamic";

/**
 * One search per request, shared by the page and its metadata, as the API sends it: JSON
 * text (a repeated search's as the result cache keeps it), its facets cut to the values the
 * page shows, handed to the client component as a string, which React passes along as it is
 * rather than walking the answer's objects to write them into the page and read them back
 * for the server render.
 */
const searchOnce = cache((key: string): AnswerText | null => {
  const parsed = parseSearchParams(new URLSearchParams(key));
  const state = serviceState();
  if (!parsed.ok || state.status !== "ok") return null;
  const { engine } = state.service;
  // The page's client gets the facet values it shows, not all 100 of each (lib/ui/page-answer.ts),
  // written once from the answer as the engine makes it.
  const answer = engine.searchJson(parsed.query, { view: pageView });
  if (answer.total > 0) return answer;
  // Nothing found: say when the exclusions are why (lib/search/exclusions.ts).
  const response = JSON.parse(answer.json) as SearchResponse;
  const explained = explainExclusions(response, (q) => engine.search(q));
  return { ...answer, json: JSON.stringify(pageAnswer(explained)) };
});

/**
 * The page's parameters: Next decodes them leniently (`%ff` is already U+FFFD), so one that
 * was not valid percent-encoded UTF-8 is named by proxy.ts (lib/url/query-encoding.ts).
 */
async function parsePage(raw: RawParams): Promise<ParseResult> {
  const error = encodingError((await headers()).get(BAD_ENCODING_HEADER));
  return error ? { ok: false, error } : parseSearchParams(raw);
}

export async function generateMetadata({ searchParams }: PageProps<"/">): Promise<Metadata> {
  const parsed = await parsePage(await searchParams);
  if (!parsed.ok) return { title: `Liên kết không hợp lệ – ${SITE_NAME}` };
  const result = searchOnce(toQueryString(parsed.query));
  const title = searchTitle(parsed.query);
  const description = searchDescription(parsed.query, result?.total ?? 0);
  return {
    title,
    description,
    openGraph: { title, description, siteName: SITE_NAME, locale: "vi_VN", type: "website" },
    twitter: { card: "summary", title, description },
  };
}

export default async function SearchPage({ searchParams }: PageProps<"/">) {
  const raw = await searchParams;
  const parsed = await parsePage(raw);
  const state = serviceState();
  const initial = parsed.ok && state.status === "ok" ? searchOnce(toQueryString(parsed.query)) : null;
  if (initial && parsed.ok) logIfSlow(initial.tookMs, parsed.query, "page");
  return (
    <main className="mx-auto max-w-6xl px-4 py-6">
      {initial && <SkipLink />}
      <header className="mb-6 max-w-3xl">
        <h1 className="mb-3 text-2xl font-bold">
          <Link href="/">Tìm tin</Link>
        </h1>
        {/* Without JavaScript the form carries the filters along with the words. */}
        <SearchBox live={parsed.ok} hidden={parsed.ok ? filterFields(parsed.query) : {}} initialText={parsed.ok ? "" : linkWords(raw)} />
      </header>
      {state.status !== "ok" ? (
        <IndexingNotice state={state} />
      ) : parsed.ok ? (
        initial && <SearchApp initialJson={initial.json} />
      ) : (
        <BadParams text={describeParamError(parsed.error, raw)} fix={fixFor(raw, parsed.error)} />
      )}
    </main>
  );
}

/** The words of a bad link, kept in the box so a new search does not start from nothing. */
function linkWords(raw: RawParams): string {
  const q = raw instanceof URLSearchParams ? (raw.get("q") ?? undefined) : firstParam(raw.q);
  return (q ?? "").trim().slice(0, MAX_QUERY_LENGTH);
}

function filterFields(query: Parameters<typeof toUrlState>[0]): Record<string, string[]> {
  const s = toUrlState(query);
  const out: Record<string, string[]> = {};
  for (const k of ["from", "to", "undated", "person", "outlet", "sources", "sort", "size", "group"] as const) {
    const v = s[k];
    if (v !== null) out[k] = Array.isArray(v) ? v : [String(v)];
  }
  return out;
}
