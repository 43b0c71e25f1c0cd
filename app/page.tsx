import Link from "next/link";
import { BadParams } from "@/components/search/BadParams";
import { SearchApp } from "@/components/search/SearchApp";
import { SearchBox } from "@/components/search/SearchBox";
import { logIfSlow } from "@/lib/log";
import { IndexingNotice } from "@/components/search/IndexingNotice";
import { serviceState } from "@/lib/search/service";
import { describeParamError, withoutParam } from "@/lib/url/param-errors";
import { parseSearchParams, toUrlState } from "@/lib/url/search-params";

export const dynamic = "force-dynamic";

export default async function SearchPage({ searchParams }: PageProps<"/">) {
  const raw = await searchParams;
  const parsed = parseSearchParams(raw);
  const state = serviceState();
  const initial = parsed.ok && state.status === "ok" ? state.service.engine.search(parsed.query) : null;
  if (initial) logIfSlow(initial.tookMs, initial.query, "page");
  return (
    <main className="mx-auto max-w-6xl px-4 py-6">
      <header className="mb-6 max-w-3xl">
        <h1 className="mb-3 text-2xl font-bold">
          <Link href="/">Tìm tin</Link>
        </h1>
        {/* Without JavaScript the form carries the filters along with the words. */}
        <SearchBox live={parsed.ok} hidden={parsed.ok ? filterFields(parsed.query) : {}} />
      </header>
      {state.status !== "ok" ? (
        <IndexingNotice state={state} />
      ) : parsed.ok
        ? initial && <SearchApp initial={initial} />
        : <BadParams error={{ ...parsed.error, text: describeParamError(parsed.error) }} fixedHref={withoutParam(raw, parsed.error.param)} />}
    </main>
  );
}

function filterFields(query: Parameters<typeof toUrlState>[0]): Record<string, string[]> {
  const s = toUrlState(query);
  const out: Record<string, string[]> = {};
  for (const k of ["from", "to", "undated", "person", "outlet", "sources", "sort"] as const) {
    const v = s[k];
    if (v !== null) out[k] = Array.isArray(v) ? v : [String(v)];
  }
  return out;
}
