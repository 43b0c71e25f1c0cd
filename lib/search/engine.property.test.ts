// The engine counts facets with reused counters, picks the page with a bounded heap and
// browses through precomputed date orders; here every answer is checked against a plain
// brute force over the matches (count everything, sort everything) on random small
// archives of several segments, with ids repeated across segments (older copies deleted).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Article, Entity } from "@/lib/corpus/types";
import { Archive } from "@/lib/index/archive";
import { memorySegment } from "@/lib/index/segment";
import { dateBuckets } from "@/lib/search/date-buckets";
import { SearchEngine } from "@/lib/search/engine";
import { createMatcher, type Hit } from "@/lib/search/matcher";
import { buildRankIndex } from "@/lib/search/rank-index";
import type { SearchQuery, SortOrder } from "@/lib/api/contract";
import { EMPTY_QUERY } from "@/lib/url/search-params";

const WORDS = ["hòa", "bình", "hoà", "mỹ", "nga", "kinh", "tế", "giá", "vàng", "đà", "nẵng"];
const PEOPLE = ["An", "Bình", "Chi", "Dũng", "Em"];
const OUTLETS = ["Dân trí", "VnExpress", "Tuổi trẻ"];
const SOURCES = ["Reuters", "TASS", "AFP"];
const DAYS = ["2025-01-31", "2025-02-01", "2025-02-14", "2025-08-07", "2026-03-01"];

const entity = (name: string): Entity => ({ id: name.toLowerCase().replace(/ /g, "-"), name });

interface Doc {
  id: string;
  date: string | null;
  persons: string[];
  outlet: string | null;
  sources: string[];
  words: string[];
}

function toArticle(doc: Doc): Article {
  return {
    id: doc.id,
    file: `${doc.id}.txt`,
    title: doc.words.slice(0, 2).join(" "),
    titleDerived: false,
    date: doc.date,
    dateEstimated: false,
    outlet: doc.outlet ? entity(doc.outlet) : null,
    sources: doc.sources.map(entity),
    persons: doc.persons.map(entity),
    paragraphs: [doc.words.join(" ")],
    captions: [],
    url: null,
    provenance: { title: "record", date: "metadata", outlet: "record", paragraphsKept: 1, paragraphsDropped: 0 },
  };
}

const doc: fc.Arbitrary<Doc> = fc.record({
  id: fc.constantFrom("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"),
  date: fc.option(fc.constantFrom(...DAYS), { freq: 4 }),
  persons: fc.uniqueArray(fc.constantFrom(...PEOPLE), { maxLength: 3 }),
  outlet: fc.option(fc.constantFrom(...OUTLETS), { freq: 4 }),
  sources: fc.uniqueArray(fc.constantFrom(...SOURCES), { maxLength: 2 }),
  words: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 8 }),
});

const query: fc.Arbitrary<SearchQuery> = fc.record({
  q: fc.oneof(fc.constant(""), fc.constantFrom(...WORDS), fc.constantFrom("hoa binh", "gia vang", "-nga", "kinh -mỹ", "da nang")),
  from: fc.option(fc.constantFrom(...DAYS), { freq: 2 }),
  to: fc.option(fc.constantFrom(...DAYS), { freq: 2 }),
  person: fc.uniqueArray(fc.constantFrom(...PEOPLE.map((p) => entity(p).id)), { maxLength: 2 }),
  outlet: fc.uniqueArray(fc.constantFrom(...OUTLETS.map((p) => entity(p).id)), { maxLength: 1 }),
  sources: fc.uniqueArray(fc.constantFrom(...SOURCES.map((p) => entity(p).id)), { maxLength: 2 }),
  undated: fc.constantFrom(null, "only" as const, "exclude" as const),
  sort: fc.constantFrom<SortOrder>("relevance", "newest", "oldest"),
  page: fc.integer({ min: 1, max: 3 }),
  size: fc.integer({ min: 1, max: 5 }),
  match: fc.constantFrom("all" as const, "any" as const),
});

/** A segment of these documents, at the archive's next lines. */
function addChunk(archive: Archive, chunk: Doc[], name: string) {
  const articles = chunk.map(toArticle);
  const line = archive.segments.reduce((n, s) => n + s.rank.n, 0);
  archive.add(
    memorySegment(
      name,
      articles.map((article, i) => ({ article, line: line + i })),
      buildRankIndex(articles),
    ),
  );
}

/** Articles in 1–3 segments added in order: a repeated id's later copy is the article. */
function archiveOf(chunks: Doc[][]): Archive {
  const archive = new Archive(10);
  chunks.forEach((chunk, i) => addChunk(archive, chunk, `s${i}`));
  archive.refresh();
  return archive;
}

/** Every live article, or the matcher's hits: what the engine filters and counts. */
function matches(archive: Archive, q: SearchQuery): Hit[] {
  // The exhaustive scorer: every match scored whole (the engine prunes; its page must be the same).
  const m = createMatcher(archive, { exhaustive: true }).match(q.q, q.match);
  if (m) return m.hits;
  return archive.segments.flatMap((seg) => Array.from({ length: seg.rank.n }, (_, d) => ({ seg, d, score: 0 })).filter((h) => !seg.rank.deleted![h.d]));
}

/** The plain answer: filter each hit, count each facet, sort every hit. */
function bruteForce(archive: Archive, q: SearchQuery) {
  const inRange = (date: string | null) => (!q.from && !q.to) || (date !== null && (!q.from || date >= q.from) && (!q.to || date <= q.to));
  const rows = matches(archive, q).map((h) => {
    const a = h.seg.store.get(h.d);
    const pDate = inRange(a.date) && (q.undated === "only" ? !a.date : q.undated === "exclude" ? !!a.date : true);
    const pPerson = !q.person.length || a.persons.some((p) => q.person.includes(p.id));
    const pOutlet = !q.outlet.length || (!!a.outlet && q.outlet.includes(a.outlet.id));
    const pSources = !q.sources.length || a.sources.some((s) => q.sources.includes(s.id));
    return { h, a, pDate, pPerson, pOutlet, pSources };
  });
  const tally = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  const persons = new Map<string, number>();
  const outlets = new Map<string, number>();
  const sources = new Map<string, number>();
  const months = new Map<string, number>();
  const days = new Map<string, number>();
  let undated = 0;
  for (const r of rows) {
    if (r.pDate && r.pOutlet && r.pSources) for (const p of r.a.persons) tally(persons, p.id);
    if (r.pDate && r.pPerson && r.pSources && r.a.outlet) tally(outlets, r.a.outlet.id);
    if (r.pDate && r.pPerson && r.pOutlet) for (const s of r.a.sources) tally(sources, s.id);
    if (r.pPerson && r.pOutlet && r.pSources) {
      if (r.a.date) tally(months, r.a.date.slice(0, 7));
      if (!r.a.date) undated++;
      else if (inRange(r.a.date)) tally(days, r.a.date);
    }
  }
  const shown = rows.filter((r) => r.pDate && r.pPerson && r.pOutlet && r.pSources);
  const day = (r: (typeof rows)[number]) => Number((r.a.date ?? "0").replaceAll("-", ""));
  const late = (r: (typeof rows)[number]) => day(r) || Infinity;
  const byId = (x: (typeof rows)[number], y: (typeof rows)[number]) => (x.a.id < y.a.id ? -1 : x.a.id > y.a.id ? 1 : 0);
  shown.sort((x, y) => {
    if (q.sort === "newest") return day(y) - day(x) || y.h.score - x.h.score || byId(x, y);
    if (q.sort === "oldest") return late(x) - late(y) || y.h.score - x.h.score || byId(x, y);
    return y.h.score - x.h.score || day(y) - day(x) || byId(x, y);
  });
  const start = (q.page - 1) * q.size;
  return { total: shown.length, ids: shown.slice(start, start + q.size).map((r) => r.a.id), persons, outlets, sources, months, days, undated };
}

/** Facet values as id → count, the selected values (count 0 when nothing matches) included. */
const asMap = (list: { id: string; count: number }[]) => new Map(list.map((v) => [v.id, v.count]));
const withSelected = (counts: Map<string, number>, selected: string[]) =>
  new Map([...counts, ...selected.filter((id) => !counts.has(id)).map((id) => [id, 0] as const)]);

describe("SearchEngine against a brute force over the matches", () => {
  it("counts every facet, the months, the day buckets and the undated, and shows the same page, with and without filters", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(doc, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 3 }),
        fc.array(query, { minLength: 1, maxLength: 6 }),
        (chunks, queries) => {
          const archive = archiveOf(chunks);
          const engine = new SearchEngine(archive);
          // Several queries on one engine: the reused counters must start from zero each time.
          for (const q of queries) {
            const got = engine.search(q, { facetLimit: Number.MAX_SAFE_INTEGER });
            const want = bruteForce(archive, q);
            expect(got.total).toBe(want.total);
            expect(got.hits.map((h) => h.id)).toEqual(want.ids);
            expect(asMap(got.facets.persons)).toEqual(withSelected(want.persons, q.person));
            expect(asMap(got.facets.outlets)).toEqual(withSelected(want.outlets, q.outlet));
            expect(asMap(got.facets.sources)).toEqual(withSelected(want.sources, q.sources));
            expect(new Map(got.facets.dates.map((m) => [m.month, m.count]))).toEqual(want.months);
            expect(got.facets.undated).toBe(want.undated);
            expect(got.facets.dateBuckets).toEqual(dateBuckets(want.days, q));
            // The counted values come most frequent first.
            const counts = got.facets.persons.slice(0, want.persons.size).map((v) => v.count);
            expect(counts).toEqual([...counts].sort((x, y) => y - x));
            // A short list is the head of the full one (the selected values follow it).
            const short = engine.search(q, { facetLimit: 2 }).facets.persons.slice(0, Math.min(2, want.persons.size));
            expect(short).toEqual(got.facets.persons.slice(0, short.length));
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe("SearchEngine kept across changes of the archive", () => {
  it("answers as a new engine over the same archive after each added segment and removed file or documents (its month and day columns kept or remade)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.array(doc, { minLength: 1, maxLength: 4 }), fc.constantFrom("a", "b", "c", "d", "e"), fc.nat(7)), { minLength: 1, maxLength: 8 }),
        fc.array(query, { minLength: 1, maxLength: 3 }),
        (steps, queries) => {
          const archive = new Archive(10);
          const kept = new SearchEngine(archive);
          steps.forEach((step, i) => {
            if (typeof step === "string") archive.removeFile(`${step}.txt`);
            else if (typeof step === "number") {
              // A segment's documents gone (a reader following a commit): older copies come back.
              const seg = archive.segments[step % archive.segments.length];
              if (seg)
                archive.removeDocs(
                  seg,
                  Array.from({ length: seg.rank.n }, (_, d) => d),
                );
            } else addChunk(archive, step, `s${i}`);
            archive.refresh();
            kept.prepare();
            const fresh = new SearchEngine(archive);
            for (const q of queries) {
              const got = kept.search(q, { facetLimit: Number.MAX_SAFE_INTEGER });
              const want = fresh.search(q, { facetLimit: Number.MAX_SAFE_INTEGER });
              expect({ ...got, tookMs: 0 }).toEqual({ ...want, tookMs: 0 });
            }
          });
        },
      ),
      { numRuns: 150 },
    );
  });

  it("remakes the month column of a segment whose document comes back with a month no live article had (the list only grew at its end)", () => {
    const d = (id: string, date: string): Doc => ({ id, date, persons: [], outlet: null, sources: [], words: ["hòa"] });
    const archive = new Archive(10);
    const kept = new SearchEngine(archive);
    addChunk(archive, [d("p", "2025-01-31"), d("k", "2026-03-01")], "s0");
    // k's newer copy: s0's copy is deleted, and no live article is of March 2026.
    addChunk(archive, [d("k", "2025-02-14"), d("q", "2025-02-01")], "s1");
    archive.refresh();
    kept.prepare();
    expect(kept.search(EMPTY_QUERY).facets.dates.map((m) => m.month)).toEqual(["2025-01", "2025-02"]);
    // The newer copy goes: s0's copy comes back, and its month joins the end of the list.
    archive.removeDocs(archive.segments[1], [0]);
    archive.refresh();
    kept.prepare();
    const want = new SearchEngine(archive).search(EMPTY_QUERY);
    expect(want.facets.dates.map((m) => [m.month, m.count])).toEqual([
      ["2025-01", 1],
      ["2025-02", 1],
      ["2026-03", 1],
    ]);
    expect({ ...kept.search(EMPTY_QUERY), tookMs: 0 }).toEqual({ ...want, tookMs: 0 });
  });
});
