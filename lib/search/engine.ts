import type { Article, Entity } from "@/lib/corpus/types";
import { EntityTally, monthCounts } from "@/lib/search/facets";
import { createMatcher, type Matcher } from "@/lib/search/matcher";
import type { SearchHit, SearchQuery, SearchResponse, Segment } from "@/lib/search/types";

interface Candidate {
  article: Article;
  score: number;
}

/** Which filters a candidate passes, so facet counts can leave out their own filter. */
interface Passes {
  date: boolean;
  person: boolean;
  outlet: boolean;
  sources: boolean;
}

const LEAD_SNIPPET_CHARS = 220;

/**
 * The search engine of one corpus: built once per process, then shared by every request.
 * Matching and ranking live in the matcher; this adds filters, facets, sorting and paging.
 */
export class SearchEngine {
  private readonly matcher: Matcher;
  private readonly byId: Map<string, Article>;
  /** Display names of every facet value, for selected values that match nothing. */
  private readonly names = new Map<string, string>();
  /** Ids per facet, to tell a stale link's unknown values from known ones. */
  private readonly ids = { person: new Set<string>(), outlet: new Set<string>(), sources: new Set<string>() };
  readonly newestDate: string | null;

  constructor(readonly articles: readonly Article[]) {
    this.byId = new Map(articles.map((a) => [a.id, a]));
    this.matcher = createMatcher([...articles]);
    let newest: string | null = null;
    for (const a of articles) {
      for (const e of [...a.persons, ...a.sources, ...(a.outlet ? [a.outlet] : [])]) this.names.set(e.id, e.name);
      for (const e of a.persons) this.ids.person.add(e.id);
      for (const e of a.sources) this.ids.sources.add(e.id);
      if (a.outlet) this.ids.outlet.add(a.outlet.id);
      if (a.date && (!newest || a.date > newest)) newest = a.date;
    }
    this.newestDate = newest;
  }

  article(id: string): Article | undefined {
    return this.byId.get(id);
  }

  /** The text marked for the query: titles and article pages use it. */
  highlight(text: string, q: string): Segment[] {
    return q.trim() ? this.matcher.highlight(text, q) : [{ text, mark: false }];
  }

  /** Whether a facet value id is known in this corpus. */
  knows(id: string): boolean {
    return this.names.has(id);
  }

  nameOf(id: string): string | undefined {
    return this.names.get(id);
  }

  related(id: string, n = 5): Article[] {
    const article = this.byId.get(id);
    if (!article || !this.matcher.related) return [];
    return this.matcher
      .related(article, n)
      .map((rid) => this.byId.get(rid))
      .filter((a): a is Article => a !== undefined);
  }

  search(query: SearchQuery): SearchResponse {
    const started = performance.now();
    const match = this.matcher.match(query.q);
    const candidates: Candidate[] = match
      ? [...match.scores].flatMap(([id, score]) => {
          const article = this.byId.get(id);
          return article ? [{ article, score }] : [];
        })
      : this.articles.map((article) => ({ article, score: 0 }));

    const passes = candidates.map((c) => this.passes(c.article, query));
    const hitsAll = candidates.filter((_, i) => allPass(passes[i]));
    const facets = this.facets(candidates, passes, query);

    hitsAll.sort(comparator(query.sort));
    const start = (query.page - 1) * query.size;
    const hits = hitsAll.slice(start, start + query.size).map((c) => this.hit(c, query.q));

    return {
      query,
      total: hitsAll.length,
      tookMs: round(performance.now() - started),
      hits,
      facets,
      suggestion: match?.suggestion ?? null,
      relaxed: match?.relaxed ?? false,
      newestDate: this.newestDate,
      unknownFilters: this.unknownFilters(query),
    };
  }

  private unknownFilters(query: SearchQuery): SearchResponse["unknownFilters"] {
    return (["person", "outlet", "sources"] as const).flatMap((param) =>
      query[param].filter((id) => !this.ids[param].has(id)).map((id) => ({ param, id })),
    );
  }

  private passes(a: Article, q: SearchQuery): Passes {
    return {
      date: (!q.from && !q.to) || (a.date !== null && (!q.from || a.date >= q.from) && (!q.to || a.date <= q.to)),
      person: anyOf(q.person, a.persons),
      outlet: anyOf(q.outlet, a.outlet ? [a.outlet] : []),
      sources: anyOf(q.sources, a.sources),
    };
  }

  /** Disjunctive counts: each facet honours every active filter except its own. */
  private facets(candidates: Candidate[], passes: Passes[], query: SearchQuery): SearchResponse["facets"] {
    const persons = new EntityTally();
    const outlets = new EntityTally();
    const sources = new EntityTally();
    const dated: Article[] = [];
    candidates.forEach(({ article }, i) => {
      const p = passes[i];
      if (p.date && p.outlet && p.sources) persons.add(article.persons);
      if (p.date && p.person && p.sources && article.outlet) outlets.add([article.outlet]);
      if (p.date && p.person && p.outlet) sources.add(article.sources);
      if (p.person && p.outlet && p.sources) dated.push(article);
    });
    return {
      persons: persons.top(query.person, this.names),
      outlets: outlets.top(query.outlet, this.names),
      sources: sources.top(query.sources, this.names),
      dates: monthCounts(dated),
    };
  }

  private hit({ article, score }: Candidate, q: string): SearchHit {
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

function anyOf(selected: readonly string[], values: readonly Entity[]): boolean {
  return selected.length === 0 || values.some((v) => selected.includes(v.id));
}

function allPass(p: Passes): boolean {
  return p.date && p.person && p.outlet && p.sources;
}

/** Undated articles go last in date orders; ties break by score, then id, so pages are stable. */
function comparator(sort: SearchQuery["sort"]) {
  const byDate = (a: Candidate, b: Candidate, dir: 1 | -1) => {
    const da = a.article.date;
    const db = b.article.date;
    if (da === db) return 0;
    if (!da) return 1;
    if (!db) return -1;
    return da < db ? -dir : dir;
  };
  const tie = (a: Candidate, b: Candidate) => b.score - a.score || (a.article.id < b.article.id ? -1 : 1);
  if (sort === "newest") return (a: Candidate, b: Candidate) => byDate(a, b, -1) || tie(a, b);
  if (sort === "oldest") return (a: Candidate, b: Candidate) => byDate(a, b, 1) || tie(a, b);
  return (a: Candidate, b: Candidate) => b.score - a.score || byDate(a, b, -1) || tie(a, b);
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
