import type { Article, Entity } from "@/lib/corpus/types";
import type { Archive, Loc } from "@/lib/index/archive";
import { memoryArchive } from "@/lib/index/memory";
import type { Segment as IndexSegment } from "@/lib/index/segment";
import { todayInVietnam } from "@/lib/corpus/dates";
import { dateBuckets, dayKeyToIso, quickRangeEnd } from "@/lib/search/date-buckets";
import { textAfterTitle } from "@/lib/search/derived-title";
import { BROWSE_CACHE_BYTES, ResultCache, type AnswerText, type AnswerView } from "@/lib/search/result-cache";
import { FacetCounter, FacetDictionary, ScratchCounts } from "@/lib/search/facets";
import { createMatcher, type Hit, type Matcher, type MatcherOptions, type MatchResult, type NearMiss } from "@/lib/search/matcher";
import { pairFilter } from "@/lib/search/pair-filter";
import { leadPassage } from "@/lib/search/snippet";
import { comparator, newestFirst, oldestFirst, selectTop } from "@/lib/search/topk";
import { StoryIndex, type StoryGrouping } from "@/lib/stories/story-index";
import type { FacetCount, SearchHit, SearchQuery, SearchResponse, Segment } from "@/lib/api/contract";

/** A segment's facet columns in the archive's value numbering (rebuilt when the archive changes). */
interface SegmentFacets {
  persons: Int32Array;
  sources: Int32Array;
  outlets: Int32Array;
  /** Month value per document, or -1 when undated. */
  month: Int32Array;
  /** Index into the engine's `days` per document, or -1 when undated. */
  day: Int32Array;
}

/**
 * The search engine over a live archive: matching and ranking live in the matcher; this
 * adds filters, facets, sorting and paging, reading article text only for the hits shown.
 */
export class SearchEngine {
  readonly archive: Archive;
  private readonly matcher: Matcher;
  private readonly dicts = {
    person: new FacetDictionary(),
    outlet: new FacetDictionary(),
    sources: new FacetDictionary(),
  };
  private readonly facets = new WeakMap<IndexSegment, SegmentFacets>();
  /** Date orders of a segment's documents: its days and ids never change. */
  private readonly orders = new WeakMap<IndexSegment, { newest: Int32Array; oldest: Int32Array }>();
  /** Per-query counters, reused (queries run one at a time): see FacetCounter.reset. */
  private readonly counters = {
    persons: new FacetCounter(this.dicts.person),
    outlets: new FacetCounter(this.dicts.outlet),
    sources: new FacetCounter(this.dicts.sources),
    together: new FacetCounter(this.dicts.person),
    months: new Int32Array(0),
    days: new ScratchCounts(0),
  };
  /** Months `YYYY-MM` in calendar order, over live articles. */
  private months: string[] = [];
  /** Every day (`YYYYMMDD`) some segment holds, ascending. */
  private days: number[] = [];
  private newest: string | null = null;
  private syncedGeneration = -1;
  /** The months and days the segments' facet columns were made for (`sync`). */
  private datedMonths: number[] = [];
  private datedDays: number[] = [];
  /**
   * Per segment: the months of its live documents, its newest live day, and every day of its
   * documents, as of the segment's `changesOf` (only a deletion or a restored copy of one of its
   * documents changes them), so a new file or a removed one does not make `sync` read every
   * document of the archive again.
   */
  private readonly segmentDates = new WeakMap<IndexSegment, { changes: number; months: number[]; days: number[]; newest: number }>();
  /** Per segment: its `changesOf` when its month and day columns were made. */
  private readonly columnChanges = new WeakMap<IndexSegment, number>();
  /** Stories of the live articles, regrouped when the archive changes. */
  readonly stories = new StoryIndex();
  private readonly browsed = new ResultCache(BROWSE_CACHE_BYTES, "browse");
  /** Answers to searches with words, per archive generation (off unless `resultCacheBytes` is given). */
  readonly results: ResultCache;

  /**
   * `options.budget`: the work budget of a query (see MatcherOptions); `resultCacheBytes`:
   * memory for answers to repeated searches with words (lib/search/result-cache.ts; 0 = none).
   */
  constructor(source: Archive | readonly Article[], options: MatcherOptions & { resultCacheBytes?: number } = {}) {
    this.archive = Array.isArray(source) ? memoryArchive(source as readonly Article[]) : (source as Archive);
    this.matcher = createMatcher(this.archive, options);
    this.results = new ResultCache(options.resultCacheBytes ?? 0);
  }

  /** Both caches of kept answers (with words, without), for sharing them across server processes. */
  get answerCaches(): readonly ResultCache[] {
    return [this.results, this.browsed];
  }

  /** The key a search's answer is kept under (null when it is not kept): see `hasAnswer`. */
  answerKey(query: SearchQuery, options: { facetLimit?: number } = {}): string | null {
    return this.cacheFor(query, options).key;
  }

  /** Whether an answer is kept under `key` for the archive as it is now (`searchJson` would send it as kept). */
  hasAnswer(key: string): boolean {
    const generation = this.archive.generation;
    return this.results.has(key, generation) || this.browsed.has(key, generation);
  }

  /** Live articles. */
  get size(): number {
    return this.archive.live;
  }

  get newestDate(): string | null {
    this.sync();
    return this.newest;
  }

  article(id: string): Article | undefined {
    const loc = this.archive.locate(id);
    return loc ? loc.seg.store.get(loc.d) : undefined;
  }

  /** Whether a live article has this id, without reading it (an unknown article page's 404). */
  hasArticle(id: string): boolean {
    return this.archive.locate(id) !== undefined;
  }

  /**
   * Whether a live article names the person with facet id `id` (an unknown person page's 404):
   * the facet numbering keeps the ids of removed articles, so the person columns are read, up
   * to the first article naming them.
   */
  hasPerson(id: string): boolean {
    this.sync();
    const person = this.dicts.person.lookup(id);
    if (person === undefined) return false;
    for (const seg of this.archive.segments) {
      const { personStart, personVals } = seg.cols;
      const { persons } = this.facets.get(seg)!;
      const deleted = seg.rank.deleted;
      for (let d = 0; d < seg.rank.n; d++) {
        if (deleted?.[d]) continue;
        for (let p = personStart[d]; p < personStart[d + 1]; p++) if (persons[personVals[p]] === person) return true;
      }
    }
    return false;
  }

  /** The text marked for the query: titles and article pages use it. */
  highlight(text: string, q: string): Segment[] {
    return q.trim() ? this.matcher.highlight(text, q) : [{ text, mark: false }];
  }

  /**
   * Every live article's title, people and outlet, for indexes built beside the search
   * index (suggestions as you type). Reads the document store once per article: call it
   * once per archive generation, not per query.
   */
  *entries(): Generator<{ title: string; persons: Entity[]; outlet: Entity | null }> {
    for (const seg of this.archive.segments) {
      const { personStart, personVals, outlet, dicts } = seg.cols;
      for (let d = 0; d < seg.rank.n; d++) {
        if (seg.rank.deleted?.[d]) continue;
        const persons: Entity[] = [];
        for (let k = personStart[d]; k < personStart[d + 1]; k++) persons.push(dicts.persons[personVals[k]]);
        yield { title: seg.store.get(d).title, persons, outlet: outlet[d] >= 0 ? dicts.outlets[outlet[d]] : null };
      }
    }
  }

  related(id: string, n = 5): Article[] {
    const loc = this.archive.locate(id);
    if (!loc) return [];
    return this.matcher.related(loc, n).map((l) => l.seg.store.get(l.d));
  }

  /**
   * The people named in the same live articles as the person with facet id `id`, most shared
   * articles first (ties in Vietnamese alphabetical order), `limit` of them, each named as the
   * person facet names them: counted from the segments' person columns, no article read.
   */
  coMentioned(id: string, limit: number): FacetCount[] {
    this.sync();
    const person = this.dicts.person.lookup(id);
    if (person === undefined) return [];
    const counts = this.counters.together;
    counts.reset();
    for (const seg of this.archive.segments) {
      const { personStart, personVals } = seg.cols;
      const { persons } = this.facets.get(seg)!;
      const deleted = seg.rank.deleted;
      for (let d = 0; d < seg.rank.n; d++) {
        if (deleted?.[d]) continue;
        const from = personStart[d];
        const to = personStart[d + 1];
        let named = false;
        for (let p = from; p < to && !named; p++) named = persons[personVals[p]] === person;
        if (!named) continue;
        for (let p = from; p < to; p++) if (persons[personVals[p]] !== person) counts.addOne(persons[personVals[p]]);
      }
    }
    return counts.top([], limit);
  }

  /** `facetLimit`: values listed per facet (default FACET_LIMIT); facet value search asks for all. */
  search(query: SearchQuery, options: { facetLimit?: number } = {}): SearchResponse {
    const started = performance.now();
    const { cache, key, generation } = this.cacheFor(query, options);
    const kept = key ? cache.get(key, generation) : undefined;
    if (kept) return { ...kept, tookMs: round(performance.now() - started) };
    const answer = this.compute(query, options, started);
    if (key) cache.set(key, generation, answer);
    return answer;
  }

  /**
   * The answer of `search()` as its JSON text (what `Response.json` would send, byte for
   * byte): a kept answer is sent as kept, neither parsed nor written again. `view`: what is
   * sent is `view(answer)` (a page's cut of it, lib/ui/page-answer.ts), written once from the
   * answer as computed rather than parsed back from its text; the answer is kept whole.
   */
  searchJson(query: SearchQuery, options: { facetLimit?: number; view?: AnswerView } = {}): AnswerText {
    const started = performance.now();
    const { view } = options;
    const { cache, key, generation } = this.cacheFor(query, options);
    // A kept answer's view is written once and kept beside it (result-cache.ts).
    const kept = key ? cache.text(key, generation, () => round(performance.now() - started), view) : undefined;
    if (kept) return kept;
    const answer = this.compute(query, options, started);
    // The whole answer's text only when it is kept or sent.
    const json = key || !view ? JSON.stringify(answer) : null;
    const shown = view ? view(answer) : answer;
    const shownJson = shown === answer && json !== null ? json : JSON.stringify(shown);
    if (key) cache.set(key, generation, answer, json!, view && { view, json: shown === answer ? null : shownJson });
    return { json: shownJson, total: answer.total, tookMs: answer.tookMs };
  }

  /**
   * The answer of `searchJson()` when it is kept (a repeated search, or a search without words
   * already counted for this commit), else undefined: nothing is computed. The API answers
   * these at once instead of queueing them behind searches that must be computed.
   */
  keptJson(query: SearchQuery, options: { facetLimit?: number } = {}): AnswerText | undefined {
    const started = performance.now();
    const { cache, key, generation } = this.cacheFor(query, options);
    return key ? cache.text(key, generation, () => round(performance.now() - started)) : undefined;
  }

  /** Where a search's answer is kept: a search without words counts every live article, so
   * it is answered once per archive generation; one with words is answered again from the
   * result cache when it repeats (if on). `key` is null when the answer is not kept: also a
   * grouped search while the stories are provisional (the background regrouping swaps in
   * other stories for the same generation, and answers are kept and shared per generation). */
  private cacheFor(query: SearchQuery, { facetLimit }: { facetLimit?: number }): { cache: ResultCache; key: string | null; generation: number } {
    this.sync();
    const today = todayInVietnam();
    const browse = this.browsed.key(query, facetLimit, today);
    const key = query.group && !this.stories.exact ? null : (browse ?? this.results.key(query, facetLimit, today));
    return { cache: browse ? this.browsed : this.results, key, generation: this.archive.generation };
  }

  private compute(query: SearchQuery, { facetLimit }: { facetLimit?: number }, started: number): SearchResponse {
    const match = this.matcher.match(query.q, query.match ?? "all");
    // A corrected query is what matched: mark it, not the typed one.
    const marked = match?.correctedQuery ?? query.q;

    // Disjunctive facets: each facet's counts honour every active filter except its own.
    const wantPerson = this.selected(this.dicts.person, query.person);
    const wantOutlet = this.selected(this.dicts.outlet, query.outlet);
    const wantSources = this.selected(this.dicts.sources, query.sources);
    const from = query.from ? Number(query.from.replaceAll("-", "")) : 0;
    const to = query.to ? Number(query.to.replaceAll("-", "")) : 0;
    const undated = query.undated;
    const { persons: personCounts, outlets: outletCounts, sources: sourceCounts, months: monthCounts, days: dayCounts } = this.counters;
    personCounts.reset();
    outletCounts.reset();
    sourceCounts.reset();
    monthCounts.fill(0);
    dayCounts.reset();
    let undatedCount = 0;
    let total = 0;
    // The page shown: the first `start + size` hits in the sort order, kept without sorting every hit.
    const start = (query.page - 1) * query.size;
    const order = comparator(query.sort);
    // Grouped: each story once (lib/stories); total and pages count stories.
    const grouping = query.group ? this.stories.begin(order) : null;

    // Columns of the segment being visited (hits come segment by segment).
    let seg: IndexSegment | null = null;
    let cols!: IndexSegment["cols"];
    let f!: SegmentFacets;
    const enter = (s: IndexSegment) => {
      seg = s;
      cols = s.cols;
      f = this.facets.get(s)!;
    };
    /** Count one matching document in the facets (unless `count` is false); true when it passes every filter. */
    const visit = (d: number, count = true): boolean => {
      const day = cols.day[d];
      const pStart = cols.personStart[d];
      const pEnd = cols.personStart[d + 1];
      const sStart = cols.sourceStart[d];
      const sEnd = cols.sourceStart[d + 1];
      const outlet = cols.outlet[d] >= 0 ? f.outlets[cols.outlet[d]] : -1;
      const inRange = (!from && !to) || (day > 0 && (!from || day >= from) && (!to || day <= to));
      const pDate = inRange && (undated === "only" ? day === 0 : undated === "exclude" ? day > 0 : true);
      const pPerson = !wantPerson || anyIn(cols.personVals, pStart, pEnd, f.persons, wantPerson);
      const pOutlet = !wantOutlet || (outlet >= 0 && wantOutlet.has(outlet));
      const pSources = !wantSources || anyIn(cols.sourceVals, sStart, sEnd, f.sources, wantSources);
      const others = pPerson && pOutlet && pSources;
      if (!count) return pDate && others;
      if (pDate && pOutlet && pSources) for (let p = pStart; p < pEnd; p++) personCounts.addOne(f.persons[cols.personVals[p]]);
      if (pDate && pPerson && pSources && outlet >= 0) outletCounts.addOne(outlet);
      if (pDate && pPerson && pOutlet) for (let p = sStart; p < sEnd; p++) sourceCounts.addOne(f.sources[cols.sourceVals[p]]);
      if (others && f.month[d] >= 0) monthCounts[f.month[d]]++;
      // The adaptive buckets follow from/to (to zoom in); the undated count ignores them.
      if (others && day === 0) undatedCount++;
      else if (others && inRange) dayCounts.addOne(f.day[d]);
      const pass = pDate && others;
      if (pass) total++;
      return pass;
    };

    /**
     * `visit` for every hit when no filter is set (a search with words alone, the common
     * request): every hit passes and counts in every facet, so the per-hit tests are left out
     * and each segment's columns are read into locals once per run of its hits.
     */
    const countAll = (hits: readonly Hit[]) => {
      for (let i = 0; i < hits.length;) {
        const s = hits[i].seg;
        enter(s);
        const { day, personStart, personVals, sourceStart, sourceVals, outlet } = cols;
        const { persons, sources, outlets, month, day: dayIndex } = f;
        for (; i < hits.length && hits[i].seg === s; i++) {
          const d = hits[i].d;
          for (let p = personStart[d]; p < personStart[d + 1]; p++) personCounts.addOne(persons[personVals[p]]);
          if (outlet[d] >= 0) outletCounts.addOne(outlets[outlet[d]]);
          for (let p = sourceStart[d]; p < sourceStart[d + 1]; p++) sourceCounts.addOne(sources[sourceVals[p]]);
          if (month[d] >= 0) monthCounts[month[d]]++;
          if (day[d] === 0) undatedCount++;
          else dayCounts.addOne(dayIndex[d]);
        }
      }
      total += hits.length;
    };
    const filtered = !!(wantPerson || wantOutlet || wantSources || from || to || undated);

    let shown: Hit[];
    let near: { shown: NearMiss[]; total: number } = { shown: [], total: 0 };
    /** Stories of the full matches when the page's grouping also holds near misses (mixed). */
    let fullStories: number | null = null;
    if (match) {
      // Unfiltered, every full match passes: the match's own list is the page's (read only, not copied).
      let passing: Hit[] = match.hits;
      if (filtered) {
        passing = [];
        for (const h of match.hits) {
          if (h.seg !== seg) enter(h.seg);
          if (visit(h.d)) passing.push(h);
        }
      } else countAll(match.hits);
      const byScore = (query.sort ?? "relevance") === "relevance";
      if (match.mixed && byScore && match.nearMisses.length && total > 0) {
        // Near misses ranked with the full matches by score (their coverage is what a missing
        // word costs), only beside some full match passing the filters (issue #11).
        const r = this.mixedPage(
          match,
          passing,
          (h) => {
            if (h.seg !== seg) enter(h.seg);
            return visit(h.d, false);
          },
          order,
          start,
          query.size,
          !!grouping,
        );
        shown = r.shown;
        near = { shown: [], total: r.nearTotal };
        fullStories = r.fullStories;
      } else {
        shown = this.rankedPage(match, passing, query.sort, order, start, query.size, grouping);
        const full = grouping ? grouping.total : total;
        // Near misses come after every full match (pages past `total` show them), and only
        // beside some full match passing the filters, or alone when no article holds every word
        // and they lack only lower-case words (NearMissRule.alone; issue #11 as amended).
        if (match.nearMisses.length && (full > 0 || match.alone)) {
          // A near miss from a story a full match already stands for is not listed again.
          const passing = (h: NearMiss) => {
            if (grouping?.holdsStoryOf(h.seg, h.d)) return false;
            if (h.seg !== seg) enter(h.seg);
            return visit(h.d, false);
          };
          near = this.nearMissPage(match, passing, query.sort, order, Math.max(0, start - full), query.size - shown.length, !!grouping);
        }
      }
    } else if (query.q) {
      // Words typed but none searchable (`!!!`, an emoji): nothing matches. Browsing every
      // article under a query it does not hold would show what was not asked for.
      shown = [];
    } else {
      for (const s of this.archive.segments) {
        enter(s);
        const deleted = s.rank.deleted;
        for (let d = 0; d < s.rank.n; d++) if (!deleted?.[d] && visit(d)) grouping?.add(s, d);
      }
      // Browsing: every article scores 0, so the order is the precomputed date order.
      const keep = (s: IndexSegment, d: number) => {
        if (s !== seg) enter(s);
        const day = cols.day[d];
        const inRange = (!from && !to) || (day > 0 && (!from || day >= from) && (!to || day <= to));
        if (!inRange || (undated === "only" && day !== 0) || (undated === "exclude" && day === 0)) return false;
        if (wantOutlet && !(cols.outlet[d] >= 0 && wantOutlet.has(f.outlets[cols.outlet[d]]))) return false;
        if (wantPerson && !anyIn(cols.personVals, cols.personStart[d], cols.personStart[d + 1], f.persons, wantPerson)) return false;
        return !wantSources || anyIn(cols.sourceVals, cols.sourceStart[d], cols.sourceStart[d + 1], f.sources, wantSources);
      };
      const sort = query.sort === "oldest" ? "oldest" : "newest";
      shown = this.browsePage(sort, start, query.size, grouping ? grouping.firstOfStory(keep) : keep);
      if (grouping) shown = shown.map((h) => grouping.standIn(h, keep));
    }
    const page = [...shown, ...near.shown].map((h) => (grouping ? { ...this.hit(h, marked), ...this.stories.info(h) } : this.hit(h, marked)));

    const dayMap = new Map<string, number>();
    for (const i of dayCounts.values()) dayMap.set(dayKeyToIso(this.days[i]), dayCounts.counts[i]);
    return {
      query,
      total: grouping ? (fullStories ?? grouping.total) : total,
      totalArticles: total,
      totalNearMisses: near.total,
      tookMs: round(performance.now() - started),
      hits: page,
      facets: {
        persons: personCounts.top(query.person, facetLimit),
        outlets: outletCounts.top(query.outlet, facetLimit),
        sources: sourceCounts.top(query.sources, facetLimit),
        dates: this.months.flatMap((m, i) => (monthCounts[i] ? [{ month: m, count: monthCounts[i] }] : [])),
        dateBuckets: dateBuckets(dayMap, query),
        undated: undatedCount,
      },
      suggestion: match?.suggestion ?? null,
      correctedQuery: match?.correctedQuery ?? null,
      totalExact: match?.totalExact ?? true,
      partial: match?.partial ?? false,
      relaxed: match?.relaxed ?? false,
      newestDate: this.newest,
      rangeEnd: quickRangeEnd(this.newest, todayInVietnam()),
      unknownFilters: this.unknownFilters(query),
    };
  }

  /**
   * Near misses passing the filters, in the page's order (each story once when grouped, after
   * the full matches' grouping is done): `size` of them from `start`, and how many there are.
   * They count in no facet and not in `total`.
   */
  private nearMissPage(
    match: MatchResult,
    passing: (h: NearMiss) => boolean,
    sort: SearchQuery["sort"],
    order: (a: Hit, b: Hit) => number,
    start: number,
    size: number,
    grouped: boolean,
  ): { shown: NearMiss[]; total: number } {
    // Filtered first: `passing` reads the full matches' grouping, which a new `begin` ends.
    const kept = match.nearMisses.filter(passing);
    const grouping = grouped ? this.stories.begin(order) : null;
    if (size <= 0) {
      // Nothing to show: only how many (each story once when grouped).
      grouping?.addHits(kept);
      return { shown: [], total: grouping ? grouping.total : kept.length };
    }
    const shown = this.rankedPage(match, kept, sort, order, start, size, grouping);
    return { shown: shown as NearMiss[], total: grouping ? grouping.total : kept.length };
  }

  /**
   * Relevance order with near misses mixed in: full matches (`full`, already filtered) and
   * near misses passing `passing` ranked together by score, `start .. start + size` of them.
   * Grouped, a near miss whose story a full match stands for is left out (the story is
   * listed once, by a full match), and `total` stays the full matches' stories: the near
   * misses' own stories are `nearTotal`. Ungrouped, `nearTotal` counts near misses.
   */
  private mixedPage(
    match: MatchResult,
    full: Hit[],
    passing: (h: NearMiss) => boolean,
    order: (a: Hit, b: Hit) => number,
    start: number,
    size: number,
    grouped: boolean,
  ): { shown: Hit[]; nearTotal: number; fullStories: number } {
    if (!grouped) {
      const kept = match.nearMisses.filter(passing);
      return { shown: match.top(start + size, "relevance", [...full, ...kept]).slice(start), nearTotal: kept.length, fullStories: 0 };
    }
    // Which stories the full matches stand for (a probe grouping, ended by the next `begin`).
    const probe = this.stories.begin(order);
    probe.addHits(full, false);
    const kept = match.nearMisses.filter((h) => !probe.holdsStoryOf(h.seg, h.d) && passing(h));
    const stories = probe.total;
    const grouping = this.stories.begin(order);
    const shown = this.rankedPage(match, [...full, ...kept], "relevance", order, start, size, grouping);
    return { shown, nearTotal: grouping.total - stories, fullStories: stories };
  }

  /**
   * Hits `start .. start + size` of `hits` in the page's order, each story once when grouped
   * (then every hit goes into `grouping`). Exact scores only where the page needs them
   * (lib/search/topk.ts): the best hits, or the best hit of each story shown.
   */
  private rankedPage(
    match: MatchResult,
    hits: Hit[],
    sort: SearchQuery["sort"],
    order: (a: Hit, b: Hit) => number,
    start: number,
    size: number,
    grouping: StoryGrouping | null,
  ): Hit[] {
    if (!grouping) return match.top(start + size, sort, hits).slice(start);
    selectTop(hits, start + size, sort, match.refine, (h) => grouping.storyOf(h.seg, h.d), match.tighten);
    grouping.addHits(hits);
    const shown = grouping.ranked(start, size);
    match.refine(shown);
    return shown;
  }

  /**
   * Hits `start .. start + size` of the live articles passing `keep`, in date order: each
   * segment's precomputed order, merged (segments are few), read only as far as the page.
   */
  private browsePage(sort: "newest" | "oldest", start: number, size: number, keep: (seg: IndexSegment, d: number) => boolean): Hit[] {
    const lists = this.archive.segments.map((seg) => ({ seg, order: this.dateOrder(seg)[sort], at: 0 }));
    const first = sort === "newest" ? (a: Hit, b: Hit) => newestFirst(a, b) : (a: Hit, b: Hit) => oldestFirst(a, b);
    const out: Hit[] = [];
    let passed = 0;
    const head = { seg: null as unknown as IndexSegment, d: 0, score: 0 };
    const other = { seg: null as unknown as IndexSegment, d: 0, score: 0 };
    while (out.length < size) {
      // The list whose next live document comes first.
      let pick = -1;
      for (let i = 0; i < lists.length; i++) {
        const l = lists[i];
        const deleted = l.seg.rank.deleted;
        while (l.at < l.order.length && deleted?.[l.order[l.at]]) l.at++;
        if (l.at === l.order.length) continue;
        if (pick >= 0) {
          head.seg = lists[pick].seg;
          head.d = lists[pick].order[lists[pick].at];
          other.seg = l.seg;
          other.d = l.order[l.at];
          if (first(other, head) >= 0) continue;
        }
        pick = i;
      }
      if (pick < 0) break;
      const l = lists[pick];
      const d = l.order[l.at++];
      if (!keep(l.seg, d)) continue;
      if (passed++ >= start) out.push({ seg: l.seg, d, score: 0 });
    }
    return out;
  }

  /** A segment's documents newest first and oldest first (undated last in both), ties by id. */
  private dateOrder(seg: IndexSegment): { newest: Int32Array; oldest: Int32Array } {
    let o = this.orders.get(seg);
    if (!o) {
      const hit = (d: number) => ({ seg, d, score: 0 });
      const docs = Array.from({ length: seg.rank.n }, (_, d) => hit(d));
      o = {
        newest: Int32Array.from(docs.sort(newestFirst), (h) => h.d),
        oldest: Int32Array.from(docs.sort(oldestFirst), (h) => h.d),
      };
      this.orders.set(seg, o);
    }
    return o;
  }

  /**
   * Bring what the engine derives from the archive up to date now (after an update), not at the
   * next query: the facet names' alphabetical order too, which the first query with facets would
   * otherwise sort whole (seconds at 1M articles; after that, a change only places its new names).
   */
  prepare() {
    this.sync();
    for (const dict of Object.values(this.dicts)) dict.seal();
  }

  /**
   * What the last `prepare()` (or the first query after a change) spent on each step (ms):
   * the stories (grouped, or adopted from the saved index: `storiesSaved`), the pair filters
   * (built from the stream, or mapped from the segment files), and the rest (facet numbering,
   * months, days). For the server's start log and scripts/scale/load-profile.ts.
   */
  lastSync = { storiesMs: 0, storiesSaved: false, pairFiltersMs: 0, restMs: 0 };

  /** A segment's dates (`segmentDates`), read again only after a deletion or a restored copy. */
  private datesOf(seg: IndexSegment) {
    const changes = this.archive.changesOf(seg);
    const held = this.segmentDates.get(seg);
    if (held && held.changes === changes) return held;
    const { day } = seg.cols;
    const deleted = seg.rank.deleted;
    const months = new Set<number>();
    const days = new Set<number>();
    let newest = 0;
    for (let d = 0; d < seg.rank.n; d++) {
      if (!day[d]) continue;
      days.add(day[d]);
      if (deleted?.[d]) continue;
      months.add(Math.floor(day[d] / 100));
      if (day[d] > newest) newest = day[d];
    }
    const dates = { changes, months: [...months], days: [...days], newest };
    this.segmentDates.set(seg, dates);
    return dates;
  }

  /** Facet numbering, months, the newest date and stories, after the archive changed. */
  private sync() {
    const started = performance.now();
    this.stories.sync(this.archive);
    if (this.syncedGeneration === this.archive.generation) return;
    const storiesMs = performance.now() - started;
    let pairFiltersMs = 0;
    this.syncedGeneration = this.archive.generation;
    const monthSet = new Set<number>();
    const daySet = new Set<number>();
    let newest = 0;
    for (const seg of this.archive.segments) {
      const dates = this.datesOf(seg);
      for (const m of dates.months) monthSet.add(m);
      for (const v of dates.days) daySet.add(v);
      newest = Math.max(newest, dates.newest);
    }
    const months = [...monthSet].sort((a, b) => a - b);
    this.months = months.map((m) => `${Math.floor(m / 100)}-${String(m % 100).padStart(2, "0")}`);
    this.days = [...daySet].sort((a, b) => a - b);
    // The columns hold indexes into the lists: they stand while the lists only grew at the end (a
    // new day's file), else every segment's are remade. A segment one of whose documents came back
    // or went is remade too (the months are those of live documents: a document of a month no
    // live one had is not in the list, and comes back with it).
    const remap = !startsWith(months, this.datedMonths) || !startsWith(this.days, this.datedDays);
    this.datedMonths = months;
    this.datedDays = this.days;
    let tables: { month: ReturnType<typeof indexTable>; day: ReturnType<typeof indexTable> } | null = null;
    this.newest = newest
      ? `${Math.floor(newest / 10000)}-${String(Math.floor(newest / 100) % 100).padStart(2, "0")}-${String(newest % 100).padStart(2, "0")}`
      : null;
    for (const seg of this.archive.segments) {
      // Built once per segment, here rather than in the first query that needs it.
      const filterStarted = performance.now();
      pairFilter(seg.rank);
      pairFiltersMs += performance.now() - filterStarted;
      const { dicts, day } = seg.cols;
      const f = this.facets.get(seg) ?? {
        persons: Int32Array.from(dicts.persons, (e) => this.dicts.person.intern(e)),
        sources: Int32Array.from(dicts.sources, (e) => this.dicts.sources.intern(e)),
        outlets: Int32Array.from(dicts.outlets, (e) => this.dicts.outlet.intern(e)),
        month: new Int32Array(0),
        day: new Int32Array(0),
      };
      // A segment's month and day columns change only with the archive's lists of them and its own live documents.
      const changes = this.archive.changesOf(seg);
      if (remap || !this.facets.has(seg) || this.columnChanges.get(seg) !== changes) {
        tables ??= { month: indexTable(months), day: indexTable(this.days) };
        f.month = columnOf(day, 100, tables.month);
        f.day = columnOf(day, 1, tables.day);
        this.columnChanges.set(seg, changes);
      }
      this.facets.set(seg, f);
    }
    // Counters sized to the archive, reused by every query until it changes again.
    this.counters.months = new Int32Array(this.months.length);
    this.counters.days = new ScratchCounts(this.days.length);
    const restMs = performance.now() - started - storiesMs - pairFiltersMs;
    this.lastSync = { storiesMs: round(storiesMs), storiesSaved: this.stories.lastSaved, pairFiltersMs: round(pairFiltersMs), restMs: round(restMs) };
  }

  /** The selected values as numbers; `null` when the facet has no filter. */
  private selected(dict: FacetDictionary, ids: readonly string[]): Set<number> | null {
    if (ids.length === 0) return null;
    return new Set(ids.flatMap((id) => dict.lookup(id) ?? []));
  }

  private unknownFilters(query: SearchQuery): SearchResponse["unknownFilters"] {
    return (["person", "outlet", "sources"] as const).flatMap((param) =>
      query[param].filter((id) => this.dicts[param].lookup(id) === undefined).map((id) => ({ param, id })),
    );
  }

  /** The snippet of the text after the title; the words' terms come from the segment's stream. */
  private snippet({ seg, d }: Loc, article: Article, q: string): Segment[] {
    const paragraphs = textAfterTitle(article);
    const { titleEnd, leadEnd } = seg.rank;
    // The whole text is indexed after the title; a lead the derived title repeats is cut or dropped.
    const at =
      paragraphs === article.paragraphs
        ? { seg, d, from: titleEnd[d], fromChar: 0 }
        : paragraphs.length < article.paragraphs.length
          ? { seg, d, from: leadEnd[d], fromChar: 0 }
          : { seg, d, from: leadEnd[d], fromChar: paragraphs[0].length + 1 };
    return this.matcher.snippet({ ...article, paragraphs }, q, at);
  }

  private hit({ seg, d, score, missing }: Loc & { score: number; missing?: string[] }, q: string): SearchHit {
    const article = seg.store.get(d);
    return {
      id: article.id,
      title: article.title,
      // The title's words are the first of the article's stream.
      titleSegments: q.trim()
        ? this.matcher.highlight(article.title, q, { seg, d, from: seg.rank.docStart[d], fromChar: 0 })
        : [{ text: article.title, mark: false }],
      date: article.date,
      dateEstimated: article.dateEstimated,
      outlet: article.outlet,
      persons: article.persons,
      sources: article.sources,
      snippet: q.trim() ? this.snippet({ seg, d }, article, q) : leadPassage(textAfterTitle(article)[0] ?? ""),
      score: round(score),
      missing: missing ?? [],
    };
  }
}

/** A kept answer's text seen through `view`: parsed and written again only when `view` changes it. */
function anyIn(vals: Int32Array, from: number, to: number, map: Int32Array, wanted: Set<number>): boolean {
  for (let p = from; p < to; p++) if (wanted.has(map[vals[p]])) return true;
  return false;
}

/**
 * Each value's index in `sorted` (ascending, distinct) as a table over the values' range:
 * `table[v - min]`; 0 for a value not listed (a deleted document's month), as a map's miss gave.
 */
function indexTable(sorted: readonly number[]): { min: number; table: Int32Array } {
  const min = sorted[0] ?? 0;
  const table = new Int32Array(sorted.length ? sorted[sorted.length - 1] - min + 1 : 0);
  sorted.forEach((v, i) => (table[v - min] = i));
  return { min, table };
}

/** Each document's index of its day (`per` 1) or month (`per` 100) in the table; -1 for an undated one. */
function columnOf(day: ArrayLike<number>, per: number, { min, table }: { min: number; table: Int32Array }): Int32Array {
  const out = new Int32Array(day.length);
  for (let d = 0; d < day.length; d++) out[d] = day[d] ? (table[Math.floor(day[d] / per) - min] ?? 0) : -1;
  return out;
}

/** Whether `list` begins with `prefix`. */
function startsWith(list: readonly number[], prefix: readonly number[]): boolean {
  return prefix.length <= list.length && prefix.every((v, i) => list[i] === v);
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
