// accentReading reads each stream token once (it read each twice) and skips the articles whose
// pair filter holds none of the joined pairs (fast23): the readings it gives must be the ones the
// two-read loop over every article gave, on random small archives and queries (many of whose
// articles lack a pair: a filter that skipped one holding it would change a vote).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { testArticle } from "@/lib/corpus/test-article";
import { memoryArchive } from "@/lib/index/memory";
import { accentReading, ACCENT_SCAN, holdersOf, holdsAll, type Doc } from "@/lib/search/accents";
import { parseQuery, type QueryWord } from "@/lib/search/query-parse";
import { tokenAt, type Lexicon, type RankIndex } from "@/lib/search/rank-index";

/**
 * The pair-voting loop as it was (two stream reads per position): the reference, for queries
 * of two words or more (a one-word query never reaches the loop that changed).
 */
function referenceReading(lex: Lexicon, words: QueryWord[], docs: Doc[]): string[] | null {
  if (!words.length || words.some((w) => w.marked)) return null;
  const reading = new Array<string>(words.length).fill("");
  const votes = words.map(() => new Map<string, number>());
  const joinedAt = words.flatMap((w, i) => (i > 0 && w.joinsPrev ? [i] : []));
  const vote = (i: number, term: string) => votes[i].set(term, (votes[i].get(term) ?? 0) + 1);
  const localIds = new Map<RankIndex, number[]>();
  for (const { seg, d } of docs.slice(0, ACCENT_SCAN)) {
    const rank = seg.rank;
    let ids = localIds.get(rank);
    if (!ids) localIds.set(rank, (ids = words.map((w) => rank.foldedId.get(w.folded) ?? -1)));
    const { stream, docStart, foldedOf, exactTerm } = rank;
    for (let p = docStart[d] + 1; p < docStart[d + 1]; p++) {
      const a = tokenAt(stream, p - 1);
      const b = tokenAt(stream, p);
      if (a < 0 || b < 0) continue;
      for (const i of joinedAt) {
        if (foldedOf[a] === ids[i - 1] && ids[i] >= 0 && foldedOf[b] === ids[i]) {
          vote(i - 1, exactTerm[a]);
          vote(i, exactTerm[b]);
        }
      }
    }
  }
  votes.forEach((v, i) => {
    const total = [...v.values()].reduce((n, c) => n + c, 0);
    const [top, count] = [...v].sort((x, y) => y[1] - x[1])[0] ?? ["", 0];
    if (total >= 3 && count >= 0.75 * total) reading[i] = top;
  });
  const gained = reading.map((t, i) => (t && t !== words[i].folded ? t : ""));
  return gained.some(Boolean) ? gained : null;
}

// Few syllables, several spellings each, so that pairs repeat and votes are close.
const SYLLABLES = ["hoa", "hòa", "hoà", "hóa", "binh", "bình", "bính", "duong", "đường", "dương", "Dương", "ban", "bàn", "bán"];
const sentence = fc.array(fc.constantFrom(...SYLLABLES, ".", ","), { minLength: 1, maxLength: 12 }).map((ws) => ws.join(" "));

describe("accentReading", () => {
  it("gives the readings of the two-read loop over every article on random archives and queries", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(sentence, fc.array(sentence, { maxLength: 3 })), { minLength: 1, maxLength: 12 }),
        fc.array(fc.constantFrom("hoa", "binh", "duong", "ban"), { minLength: 2, maxLength: 3 }),
        (texts, query) => {
          const archive = memoryArchive(texts.map(([title, paragraphs], i) => testArticle({ id: `a${i}`, title, paragraphs })));
          const docs: Doc[] = archive.segments.flatMap((seg) => Array.from({ length: seg.rank.n }, (_, d) => ({ seg, d })));
          const words = parseQuery(query.join(" ")).words;
          expect(accentReading(archive.lexicon, words, docs)).toEqual(referenceReading(archive.lexicon, words, docs));
        },
      ),
      { numRuns: 120 },
    );
  });
});

describe("holdersOf", () => {
  it("says of every article what holdsAll says, for any list of spellings (absent ones too)", () => {
    const spellings = ["hoa", "hòa", "hóa", "bình", "binh", "đường", "dương", "bàn", "bán", "xyz"];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(sentence, fc.array(sentence, { maxLength: 3 })), { minLength: 1, maxLength: 12 }),
        fc.array(fc.constantFrom(...spellings), { maxLength: 3 }),
        (texts, terms) => {
          const archive = memoryArchive(texts.map(([title, paragraphs], i) => testArticle({ id: `a${i}`, title, paragraphs })));
          for (const seg of archive.segments) {
            const held = holdersOf(seg.rank, terms);
            for (let d = 0; d < seg.rank.n; d++) expect(held[d] === terms.length).toBe(holdsAll({ seg, d }, terms));
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
