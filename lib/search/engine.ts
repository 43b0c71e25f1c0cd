import type { Article } from "@/lib/corpus/types";
import { FacetCounter, FacetDictionary } from "@/lib/search/facets";
import { createMatcher, type Matcher } from "@/lib/search/matcher";
import type { SearchHit, SearchQuery, SearchResponse, Segment } from "@/lib/search/types";

/** Per-article facet values and sort keys, by position in `articles`. */
interface DocFacets {
  persons: Int32Array[];
  sources: Int32Array[];
  /** Outlet value, or -1. */
  outlet: Int32Array;
  /** Month value, or -1 for undated articles. */
  month: Int32Array;
  /** `YYYYMMDD` as a number, 0 for undated articles. */
  day: Int32Array;
  /** Position in id order: the last tie-break, so pages are stable. */
  idRank: Int32Array;
}

const NONE = new Int32Array(0);

const LEAD_SNIPPET_CHARS = 220;

/**
 * The search engine of one corpus: built once per process, then shared by every request.
 * Matching and ranking live in the matcher; this adds filters, facets, sorting and paging.
 */
export class SearchEngine {
  private readonly matcher: Matcher;
  private readonly docOf: Map<string, number>;
  private readonly dicts = {
    person: new FacetDictionary(),
    outlet: new FacetDictionary(),
    sources: new FacetDictionary(),
  };
  /** Months `YYYY-MM` in calendar order; `DocFacets.month` points into it. */
  private readonly months: string[];
  private readonly docs: DocFacets;
  readonly newestDate: string | null;

  constructor(readonly articles: readonly Article[]) {
    this.docOf = new Map(articles.map((a, i) => [a.id, i]));
    this.matcher = createMatcher([...articles]);
    const n = articles.length;
    this.months = [...new Set(articles.flatMap((a) => (a.date ? [a.date.slice(0, 7)] : [])))].sort();
    const monthOf = new Map(this.months.map((m, i) => [m, i]));
    const byId = [...articles.keys()].sort((x, y) => (articles[x].id < articles[y].id ? -1 : 1));
    const intern = (dict: FacetDictionary, values: readonly { id: string; name: string }[]) =>
      values.length ? Int32Array.from(values, (v) => dict.intern(v)) : NONE;
    this.docs = {
      persons: articles.map((a) => intern(this.dicts.person, a.persons)),
      sources: articles.map((a) => intern(this.dicts.sources, a.sources)),
      outlet: Int32Array.from(articles, (a) => (a.outlet ? this.dicts.outlet.intern(a.outlet) : -1)),
      month: Int32Array.from(articles, (a) => (a.date ? monthOf.get(a.date.slice(0, 7))! : -1)),
      day: Int32Array.from(articles, (a) => (a.date ? Number(a.date.replaceAll("-", "")) : 0)),
      idRank: new Int32Array(n),
    };
    byId.forEach((doc, rank) => (this.docs.idRank[doc] = rank));
    for (const dict of Object.values(this.dicts)) dict.seal();
    const newest = this.docs.day.reduce((best, d, i) => (d > this.docs.day[best] ? i : best), 0);
    this.newestDate = n && this.docs.day[newest] ? articles[newest].date : null;
  }

  article(id: string): Article | undefined {
    const doc = this.docOf.get(id);
    return doc === undefined ? undefined : this.articles[doc];
  }

  /** The text marked for the query: titles and article pages use it. */
  highlight(text: string, q: string): Segment[] {
    return q.trim() ? this.matcher.highlight(text, q) : [{ text, mark: false }];
  }

  /** Whether a facet value id is known in this corpus. */
  knows(id: string): boolean {
    return Object.values(this.dicts).some((d) => d.lookup(id) !== undefined);
  }

  nameOf(id: string): string | undefined {
    for (const d of Object.values(this.dicts)) {
      const i = d.lookup(id);
      if (i !== undefined) return d.names[i];
    }
    return undefined;
  }

  related(id: string, n = 5): Article[] {
    const article = this.article(id);
    if (!article || !this.matcher.related) return [];
    return this.matcher
      .related(article, n)
      .map((rid) => this.article(rid))
      .filter((a): a is Article => a !== undefined);
  }

  search(query: SearchQuery): SearchResponse {
    const started = performance.now();
    const match = this.matcher.match(query.q);
    const { docs, scores } = this.candidates(match?.scores ?? null);
    const { day, month, outlet, persons, sources } = this.docs;

    // Disjunctive facets: each facet's counts honour every active filter except its own.
    const wantPerson = this.selected(this.dicts.person, query.person);
    const wantOutlet = this.selected(this.dicts.outlet, query.outlet);
    const wantSources = this.selected(this.dicts.sources, query.sources);
    const from = query.from ? Number(query.from.replaceAll("-", "")) : 0;
    const to = query.to ? Number(query.to.replaceAll("-", "")) : 0;
    const personCounts = new FacetCounter(this.dicts.person);
    const outletCounts = new FacetCounter(this.dicts.outlet);
    const sourceCounts = new FacetCounter(this.dicts.sources);
    const monthCounts = new Int32Array(this.months.length);
    const hits: number[] = [];
    for (let j = 0; j < docs.length; j++) {
      const d = docs[j];
      const pDate = (!from && !to) || (day[d] > 0 && (!from || day[d] >= from) && (!to || day[d] <= to));
      const pPerson = !wantPerson || anyIn(persons[d], wantPerson);
      const pOutlet = !wantOutlet || (outlet[d] >= 0 && wantOutlet.has(outlet[d]));
      const pSources = !wantSources || anyIn(sources[d], wantSources);
      if (pDate && pOutlet && pSources) personCounts.add(persons[d]);
      if (pDate && pPerson && pSources && outlet[d] >= 0) outletCounts.add(outlet.subarray(d, d + 1));
      if (pDate && pPerson && pOutlet) sourceCounts.add(sources[d]);
      if (pPerson && pOutlet && pSources && month[d] >= 0) monthCounts[month[d]]++;
      if (pDate && pPerson && pOutlet && pSources) hits.push(j);
    }

    hits.sort(this.comparator(query.sort, docs, scores));
    const start = (query.page - 1) * query.size;
    const page = hits.slice(start, start + query.size).map((j) => this.hit(this.articles[docs[j]], scores[j], query.q));

    return {
      query,
      total: hits.length,
      tookMs: round(performance.now() - started),
      hits: page,
      facets: {
        persons: personCounts.top(query.person),
        outlets: outletCounts.top(query.outlet),
        sources: sourceCounts.top(query.sources),
        dates: this.months.flatMap((m, i) => (monthCounts[i] ? [{ month: m, count: monthCounts[i] }] : [])),
      },
      suggestion: match?.suggestion ?? null,
      relaxed: match?.relaxed ?? false,
      newestDate: this.newestDate,
      unknownFilters: this.unknownFilters(query),
    };
  }

  /** The matched articles and their scores; every article (score 0) when browsing. */
  private candidates(matched: Map<string, number> | null): { docs: Int32Array; scores: Float64Array } {
    if (!matched) {
      const all = Int32Array.from(this.articles.keys());
      return { docs: all, scores: new Float64Array(all.length) };
    }
    const docs = new Int32Array(matched.size);
    const scores = new Float64Array(matched.size);
    let k = 0;
    for (const [id, score] of matched) {
      const doc = this.docOf.get(id);
      if (doc === undefined) continue;
      docs[k] = doc;
      scores[k++] = score;
    }
    return { docs: docs.subarray(0, k), scores: scores.subarray(0, k) };
  }

  /** The selected values as numbers; `null` when the facet has no filter. */
  private selected(dict: FacetDictionary, ids: readonly string[]): Set<number> | null {
    if (ids.length === 0) return null;
    return new Set(ids.flatMap((id) => dict.lookup(id) ?? []));
  }

  /** Undated articles go last in date orders; ties break by score, then id, so pages are stable. */
  private comparator(sort: SearchQuery["sort"], docs: Int32Array, scores: Float64Array) {
    const { day, idRank } = this.docs;
    const tie = (a: number, b: number) => scores[b] - scores[a] || idRank[docs[a]] - idRank[docs[b]];
    const late = (d: number) => day[d] || Number.MAX_SAFE_INTEGER;
    if (sort === "newest") return (a: number, b: number) => day[docs[b]] - day[docs[a]] || tie(a, b);
    if (sort === "oldest") return (a: number, b: number) => late(docs[a]) - late(docs[b]) || tie(a, b);
    return (a: number, b: number) =>
      scores[b] - scores[a] || day[docs[b]] - day[docs[a]] || idRank[docs[a]] - idRank[docs[b]];
  }

  private unknownFilters(query: SearchQuery): SearchResponse["unknownFilters"] {
    return (["person", "outlet", "sources"] as const).flatMap((param) =>
      query[param].filter((id) => this.dicts[param].lookup(id) === undefined).map((id) => ({ param, id })),
    );
  }

  private hit(article: Article, score: number, q: string): SearchHit {
    return {
      id: article.id,
      title: article.title,
      titleSegments: this.highlight(article.title, q),
      date: article.date,
      dateEstimated: article.dateEstimated,
      outlet: article.outlet,
      persons: article.persons,
      sources: article.sources,
      snippet: q.trim() ? this.matcher.snippet(article, q) : leadSnippet(article),
      score: round(score),
    };
  }
}

function anyIn(values: Int32Array, wanted: Set<number>): boolean {
  for (const v of values) if (wanted.has(v)) return true;
  return false;
}

function leadSnippet(article: Article): Segment[] {
  const lead = article.paragraphs[0] ?? "";
  if (lead.length <= LEAD_SNIPPET_CHARS) return [{ text: lead, mark: false }];
  const cut = lead.slice(0, LEAD_SNIPPET_CHARS);
  const space = cut.lastIndexOf(" ");
  return [{ text: `${space > 0 ? cut.slice(0, space) : cut} …`, mark: false }];
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
