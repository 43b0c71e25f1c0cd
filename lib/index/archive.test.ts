// The archive keeps its document frequencies as documents come and go, and a refresh copies
// only the terms that changed into each segment and the vocabulary. Checked here against a
// count from scratch (every live document's terms read from the segments' streams, its case
// codes from its postings) after every step of random sequences of segments added, files
// removed and segments dropped.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Article } from "@/lib/corpus/types";
import { Archive } from "@/lib/index/archive";
import { memorySegment, type Segment } from "@/lib/index/segment";
import { applyNorms, buildRankIndex, meanLengths, tokenAt } from "@/lib/search/rank-index";
import { caseOf } from "@/lib/search/word-case";

const WORDS = ["hòa", "hoà", "Hòa", "bình", "mỹ", "Mỹ", "nga", "kinh", "tế", "giá", "vàng", "đà", "nẵng", "HÒA"];
const FILES = ["a.jsonl", "b.jsonl", "c.jsonl"];

interface Doc {
  id: string;
  file: string;
  words: string[];
}

function toArticle(doc: Doc): Article {
  return {
    id: doc.id,
    file: doc.file,
    title: doc.words.slice(0, 2).join(" "),
    titleDerived: false,
    date: null,
    dateEstimated: false,
    outlet: null,
    sources: [],
    persons: [],
    // Every word after the paragraph's first is mid-sentence: its case counts (word-case.ts).
    paragraphs: [`Tin ${doc.words.join(" ")}`],
    captions: [],
    url: null,
    provenance: { title: "record", date: "metadata", outlet: "record", paragraphsKept: 1, paragraphsDropped: 0 },
  };
}

const doc: fc.Arbitrary<Doc> = fc.record({
  id: fc.constantFrom("a", "b", "c", "d", "e", "f", "g", "h"),
  file: fc.constantFrom(...FILES),
  words: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 6 }),
});

type Step = { add: Doc[] } | { removeFile: string } | { drop: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ add: fc.array(doc, { minLength: 1, maxLength: 5 }) }) },
  { weight: 1, arbitrary: fc.record({ removeFile: fc.constantFrom(...FILES) }) },
  { weight: 1, arbitrary: fc.record({ drop: fc.nat(4) }) },
);

/** The statistics counted from scratch: each live document's distinct folded and exact terms. */
function counted(archive: Archive) {
  const df = new Map<string, number>();
  const exactDf = new Map<string, number>();
  /** Live articles saying each folded term mid-sentence, and mostly capitalised: their postings' codes. */
  const said = new Map<string, number>();
  const capital = new Map<string, number>();
  let live = 0;
  for (const seg of archive.segments) {
    const { rank } = seg;
    for (let d = 0; d < rank.n; d++) {
      if (rank.deleted![d]) continue;
      live++;
      const exact = new Set<string>();
      const folded = new Set<string>();
      for (let i = rank.docStart[d]; i < rank.docStart[d + 1]; i++) {
        const e = tokenAt(rank.stream, i);
        if (e < 0) continue;
        exact.add(rank.exactTerm[e]);
        folded.add(rank.foldedTerm[rank.foldedOf[e]]);
      }
      for (const t of exact) exactDf.set(t, (exactDf.get(t) ?? 0) + 1);
      for (const t of folded) df.set(t, (df.get(t) ?? 0) + 1);
    }
    rank.foldedTerm.forEach((t, f) => {
      for (let p = rank.foldedStart[f]; p < rank.foldedStart[f + 1]; p++) {
        if (rank.deleted![rank.foldedDocs[p]]) continue;
        const code = caseOf(rank.foldedCase, p);
        said.set(t, (said.get(t) ?? 0) + (code & 1));
        capital.set(t, (capital.get(t) ?? 0) + (code >> 1));
      }
    });
  }
  return { df, exactDf, said, capital, live };
}

function expectCounted(archive: Archive) {
  const { df, exactDf, said, capital, live } = counted(archive);
  const lex = archive.lexicon;
  const shared = lex.shared!;
  expect(shared.n).toBe(live);
  expect(archive.live).toBe(live);
  lex.foldedTerm.forEach((t, g) => expect(shared.df[g], t).toBe(df.get(t) ?? 0));
  lex.exactTerm.forEach((t, g) => expect(shared.exactDf![g], t).toBe(exactDf.get(t) ?? 0));
  lex.foldedTerm.forEach((t, g) => expect([shared.cases!.said[g], shared.cases!.capital[g]], t).toEqual([said.get(t) ?? 0, capital.get(t) ?? 0]));
  // Each folded term's most frequent spelling, the lowest id on a tie.
  lex.foldedTerm.forEach((t, f) => {
    let best = -1;
    lex.exactTerm.forEach((_, e) => {
      if (lex.foldedOf[e] === f && (best < 0 || shared.exactDf![e] > shared.exactDf![best])) best = e;
    });
    expect(lex.commonExact[f], t).toBe(best);
  });
  const liveTerms = [...df.keys()].sort();
  expect([...lex.foldedId.keys()].sort()).toEqual(liveTerms);
  expect([...lex.vocab.keys()].sort()).toEqual(liveTerms);
  for (const [t, f] of lex.foldedId) expect(lex.vocab.get(t)).toBe(f);
  const mean = meanLengths(archive.segments.map((s) => s.rank));
  for (const seg of archive.segments) {
    const { rank } = seg;
    expect(rank.shared!.n).toBe(live);
    rank.foldedTerm.forEach((t, f) => expect(rank.shared!.df[f], t).toBe(df.get(t) ?? 0));
    rank.exactTerm.forEach((t, e) => expect(rank.shared!.exactDf![e], t).toBe(exactDf.get(t) ?? 0));
    const norms = [rank.titleNorm.slice(), rank.leadNorm.slice(), rank.bodyNorm.slice()];
    applyNorms(rank, mean);
    expect([rank.titleNorm, rank.leadNorm, rank.bodyNorm]).toEqual(norms);
  }
}

/** Apply the steps to a new archive, checking its statistics after each refresh. */
function run(steps: Step[], lookupsPerTerm: number) {
  const archive = new Archive(10);
  archive.lookupsPerTerm = lookupsPerTerm;
  let line = 0;
  let name = 0;
  for (const s of steps) {
    if ("add" in s) {
      const articles = s.add.map(toArticle);
      const seg: Segment = memorySegment(
        `s${name++}`,
        articles.map((article) => ({ article, line: line++ })),
        buildRankIndex(articles),
      );
      archive.add(seg);
    } else if ("removeFile" in s) archive.removeFile(s.removeFile);
    else if (archive.segments.length) archive.drop(archive.segments[s.drop % archive.segments.length]);
    archive.refresh();
    expectCounted(archive);
  }
}

describe("Archive: statistics kept as documents come and go", () => {
  it("equal a count from scratch after every change, copied term by term", () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 12 }), (steps) => run(steps, 0)),
      { numRuns: 150 },
    );
  });

  it("equal a count from scratch after every change, copied whole", () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 12 }), (steps) => run(steps, Infinity)),
      { numRuns: 60 },
    );
  });

  it("equal a count from scratch whichever way each refresh takes", () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 12 }), fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }), (steps, ways) => {
        const archive = new Archive(10);
        let line = 0;
        steps.forEach((s, i) => {
          archive.lookupsPerTerm = ways[i] ? 0 : Infinity;
          if ("add" in s) {
            const articles = s.add.map(toArticle);
            archive.add(
              memorySegment(
                `s${i}`,
                articles.map((article) => ({ article, line: line++ })),
                buildRankIndex(articles),
              ),
            );
          } else if ("removeFile" in s) archive.removeFile(s.removeFile);
          else if (archive.segments.length) archive.drop(archive.segments[s.drop % archive.segments.length]);
          archive.refresh();
          expectCounted(archive);
        });
      }),
      { numRuns: 100 },
    );
  });
});

describe("Archive: per-segment change counts", () => {
  it("move for every segment whose documents' deleted flags changed, and only for segments holding an id the step touched", () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 12 }), (steps) => {
        const archive = new Archive(10);
        let line = 0;
        steps.forEach((s, i) => {
          const before = new Map(archive.segments.map((seg) => [seg, { changes: archive.changesOf(seg), deleted: seg.rank.deleted!.slice() }]));
          const touched = new Set<string>();
          if ("add" in s) {
            const articles = s.add.map(toArticle);
            for (const a of articles) touched.add(a.id);
            archive.add(
              memorySegment(
                `s${i}`,
                articles.map((article) => ({ article, line: line++ })),
                buildRankIndex(articles),
              ),
            );
          } else if ("removeFile" in s) {
            for (const seg of archive.segments)
              for (let d = 0; d < seg.rank.n; d++) if (!seg.gone[d] && seg.cols.dicts.files[seg.cols.file[d]] === s.removeFile) touched.add(seg.rank.ids[d]);
            archive.removeFile(s.removeFile);
          } else if (archive.segments.length) {
            const seg = archive.segments[s.drop % archive.segments.length];
            for (let d = 0; d < seg.rank.n; d++) if (!seg.gone[d]) touched.add(seg.rank.ids[d]);
            archive.drop(seg);
          }
          for (const seg of archive.segments) {
            const was = before.get(seg);
            if (!was) continue;
            const flagsChanged = seg.rank.deleted!.some((v, d) => v !== was.deleted[d]);
            const holdsTouched = seg.rank.ids.some((id) => touched.has(id));
            const moved = archive.changesOf(seg) !== was.changes;
            if (flagsChanged) expect(moved, `segment ${seg.name} after step ${i}`).toBe(true);
            if (!holdsTouched) expect(moved, `segment ${seg.name} after step ${i}`).toBe(false);
          }
        });
      }),
      { numRuns: 150 },
    );
  });
});
