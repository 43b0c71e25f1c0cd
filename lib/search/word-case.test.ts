import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { testArticle } from "@/lib/corpus/test-article";
import { memoryArchive } from "@/lib/index/memory";
import { buildRankIndex } from "@/lib/search/rank-index";
import { CASE_CAPITAL, CASE_LOWER, CASE_START, caseAt, caseOf, packedCaseLength, postingCase, setCase, sumCases, writtenAsName } from "@/lib/search/word-case";

const at = (text: string, word: string) => caseAt(text, text.indexOf(word));

describe("a word's case", () => {
  it("says nothing at a sentence's start, whatever quotes or brackets open it", () => {
    expect(at("Raqqa bị bao vây", "Raqqa")).toBe(CASE_START);
    expect(at("Quân đội tiến vào. Raqqa bị bao vây", "Raqqa")).toBe(CASE_START);
    expect(at('Ông nói: "Chúng tôi sẽ đến"', "Chúng")).toBe(CASE_START);
    expect(at("Thắng lợi! (Raqqa đã được giải phóng)", "Raqqa")).toBe(CASE_START);
  });

  it("reads a capital mid-sentence as written, brackets and dashes included", () => {
    expect(at("Quân đội tiến vào Raqqa hôm qua", "Raqqa")).toBe(CASE_CAPITAL);
    expect(at("hệ thống phòng thủ (THAAD) của Mỹ", "THAAD")).toBe(CASE_CAPITAL);
    expect(at("quan hệ Mỹ - Trung căng thẳng", "Trung")).toBe(CASE_CAPITAL);
    expect(at("Quân đội tiến vào thành phố", "thành")).toBe(CASE_LOWER);
  });

  it("codes an article's mid-sentence occurrences by their majority, and packs four codes to a byte", () => {
    expect([postingCase(0, 0), postingCase(2, 1), postingCase(1, 1), postingCase(1, 2), postingCase(0, 3)]).toEqual([0, 1, 1, 3, 3]);
    const codes = [3, 0, 1, 3, 1, 0, 3];
    const packed = new Uint8Array(packedCaseLength(codes.length));
    expect(packed.length).toBe(2);
    codes.forEach((c, p) => setCase(packed, p, c));
    expect(codes.map((_, p) => caseOf(packed, p))).toEqual(codes);
  });

  it("keeps each article's code in its posting of the folded term", () => {
    const rank = buildRankIndex([
      testArticle({ id: "a", title: "Giải phóng Raqqa", paragraphs: ["Quân đội tiến vào Raqqa. Raqqa bị bao vây, quân đội chờ."] }),
      testArticle({ id: "b", title: "Raqqa", paragraphs: ["Tin về raqqa và quân đội."] }),
    ]);
    const codes = (term: string) => {
      const f = rank.foldedId.get(term)!;
      const out: number[] = [];
      for (let p = rank.foldedStart[f]; p < rank.foldedStart[f + 1]; p++) out.push(caseOf(rank.foldedCase, p));
      return out;
    };
    // a: `Raqqa` mid-sentence twice (title and lead), once at a sentence start; b: its title alone (a start) and `raqqa` in lower case.
    expect(codes("raqqa")).toEqual([3, 1]);
    // `Quân` opens a's lead (says nothing), `quân` mid-sentence in a and b.
    expect(codes("quan")).toEqual([1, 1]);
    // `Giải` opens a title and nothing else: never said mid-sentence.
    expect(codes("giai")).toEqual([0]);
  });

  it("reads a word as a name when most articles saying it capitalise it, with enough of them", () => {
    const counts = { said: Int32Array.from([20, 20, 4, 0]), capital: Int32Array.from([19, 18, 4, 0]) };
    expect([0, 1, 2, 3].map((g) => writtenAsName(counts, g))).toEqual([true, false, false, false]);
    expect(writtenAsName(counts, 1, 0.9)).toBe(true);
    expect(writtenAsName(counts, undefined)).toBe(false);
    expect(writtenAsName(undefined, 0)).toBe(false);
  });

  it("counts the archive's articles from their postings", () => {
    const mid = (i: number) => testArticle({ id: `m${i}`, title: `Tin số ${i}`, paragraphs: [`Quân đội tiến vào Raqqa lần ${i}.`] });
    const archive = memoryArchive([...[1, 2, 3, 4, 5].map(mid), testArticle({ id: "l", title: "Tin", paragraphs: ["Tin về raqqa."] })]);
    const lex = archive.lexicon;
    const cases = lex.shared!.cases!;
    const g = lex.foldedId.get("raqqa")!;
    expect([cases.said[g], cases.capital[g]]).toEqual([6, 5]);
    expect(writtenAsName(cases, g, 0.8)).toBe(true);
    expect(writtenAsName(cases, g)).toBe(false);
    expect(writtenAsName(cases, lex.foldedId.get("quan"))).toBe(false);
  });
});

describe("sumCases", () => {
  it("sums each term's codes as reading them one posting at a time does, whatever the terms' lengths and places in the bytes", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(13), { maxLength: 40 }), fc.array(fc.constantFrom(0, 1, 3), { maxLength: 400 }), (lengths, codes) => {
        const starts = new Int32Array(lengths.length + 1);
        lengths.forEach((n, t) => (starts[t + 1] = starts[t] + n));
        const postings = starts[lengths.length];
        const packed = new Uint8Array(packedCaseLength(postings));
        for (let p = 0; p < postings; p++) setCase(packed, p, codes.length ? codes[p % codes.length] : 0);
        const said = new Int32Array(lengths.length).fill(-1);
        const capital = new Int32Array(lengths.length).fill(-1);
        sumCases(packed, starts, said, capital);
        lengths.forEach((_, t) => {
          let s = 0;
          let c = 0;
          for (let p = starts[t]; p < starts[t + 1]; p++) {
            s += caseOf(packed, p) & 1;
            c += caseOf(packed, p) >> 1;
          }
          expect([said[t], capital[t]], `term ${t}`).toEqual([s, c]);
        });
      }),
      { numRuns: 300 },
    );
  });
});
