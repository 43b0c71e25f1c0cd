import { describe, expect, it } from "vitest";
import { Archive } from "@/lib/index/archive";
import { memoryArchive } from "@/lib/index/memory";
import { memorySegment } from "@/lib/index/segment";
import { buildRankIndex } from "@/lib/search/rank-index";
import { dateSpellings, decimalSpellings, inCodes, monthDates, numberSpellings, typoCandidates, typoMemo } from "@/lib/search/query-expand";
import { parseQuery } from "@/lib/search/query-parse";
import { testArticle } from "@/lib/corpus/test-article";

describe("numberSpellings", () => {
  it("gives a whole number of 4+ digits its other writings: Vietnamese and English thousands, plain", () => {
    expect(numberSpellings("8.000")).toEqual(["8000", "8,000"]);
    expect(numberSpellings("8,000")).toEqual(["8000", "8.000"]);
    expect(numberSpellings("8000")).toEqual(["8.000", "8,000"]);
    expect(numberSpellings("1.000.000")).toEqual(["1000000", "1,000,000"]);
  });

  it("leaves years, decimals, dates, short numbers and mixed separators alone", () => {
    for (const n of ["2017", "2.017", "7,5", "1.5", "20/11", "25/4/2025", "300", "0123", "1.000,5", "8.00"]) expect(numberSpellings(n)).toEqual([]);
  });
});

describe("monthDates", () => {
  const lex = memoryArchive([
    testArticle({
      id: "a",
      title: "Tăng giá từ 1/10/2017",
      paragraphs: ["Lùi từ 1/9/2017 sang 01.10.2017; phương án tháng 10/2017, ngày 14/10 và 10/4, tháng 4/2017, 10,5 tấn, 3/13."],
    }),
  ]).lexicon;
  const terms = (m: string) =>
    monthDates(lex, m)
      .map((f) => lex.foldedTerm[f])
      .sort();

  it("gives the written dates of a month: day and month with or without a year, either separator, and month and year", () => {
    expect(terms("10")).toEqual(["01.10.2017", "1/10/2017", "10/2017", "14/10"]);
    expect(terms("4")).toEqual(["10/4", "4/2017"]);
    expect(terms("04")).toEqual(["10/4", "4/2017"]);
  });

  it("gives nothing for a number that is no month", () => {
    for (const m of ["13", "0", "2017", "10,5", "1/10"]) expect(terms(m)).toEqual([]);
  });

  it("reads the dates again when the archive's lexicon grows (a live archive adds terms in place)", () => {
    const archive = new Archive(10);
    const add = (id: string, title: string) => {
      const a = testArticle({ id, title, paragraphs: ["Tin."] });
      archive.add(memorySegment(id, [{ article: a, line: 0 }], buildRankIndex([a])));
      archive.refresh();
    };
    add("a", "Áp dụng từ 1/10/2017");
    const dates = () =>
      monthDates(archive.lexicon, "10")
        .map((f) => archive.lexicon.foldedTerm[f])
        .sort();
    expect(dates()).toEqual(["1/10/2017"]);
    add("b", "Lùi sang 15/10");
    expect(dates()).toEqual(["1/10/2017", "15/10"]);
  });
});

describe("dateSpellings", () => {
  it("gives a day and month (and year) written with slashes its writing with dots, and the reverse", () => {
    expect(dateSpellings("2/9")).toEqual(["2.9"]);
    expect(dateSpellings("2.9")).toEqual(["2/9"]);
    expect(dateSpellings("30/04")).toEqual(["30.04"]);
    expect(dateSpellings("25/4/2017")).toEqual(["25.4.2017"]);
    expect(dateSpellings("25.4.2017")).toEqual(["25/4/2017"]);
  });

  it("leaves what cannot be a date alone: decimals with a comma, thousands, days or months out of range, mixed separators", () => {
    for (const n of ["7,5", "8.000", "1.45", "13/13", "32.1", "0/5", "5/0", "25/4.2017", "2017", "u23"]) expect(dateSpellings(n)).toEqual([]);
  });
});

describe("decimalSpellings", () => {
  it("gives a decimal that cannot be a date its other separator, in both directions", () => {
    expect(decimalSpellings("33,5", false)).toEqual(["33.5"]);
    expect(decimalSpellings("99.49", false)).toEqual(["99,49"]);
    expect(decimalSpellings("3,1416", false)).toEqual(["3.1416"]);
  });

  it("gives a reading that could be a day and month only inside a code", () => {
    expect(decimalSpellings("2,4", false)).toEqual([]);
    expect(decimalSpellings("2,4", true)).toEqual(["2.4"]);
    expect(decimalSpellings("2.4", true)).toEqual(["2,4"]);
  });

  it("leaves thousands, whole numbers and dates with a year alone", () => {
    for (const n of ["8.000", "1,500", "2017", "25.4.2017", "1.000.000", "7/5"]) {
      expect(decimalSpellings(n, true)).toEqual([]);
    }
  });
});

describe("inCodes", () => {
  const codes = (q: string) => inCodes(parseQuery(q).words);

  it("marks words written against a neighbour with a hyphen or no space, not beside it", () => {
    expect(codes("cấm Paraquat và 2,4-D")).toEqual([false, false, false, true, true]);
    expect(codes("thuốc 2,4D")).toEqual([false, true, true]);
    expect(codes("tăng 2,5 lần")).toEqual([false, false, false]);
  });
});

describe("typoMemo", () => {
  const lex = memoryArchive([testArticle({ id: "a", title: "Hòa bình ở Bình Dương", paragraphs: ["Hóa đơn và hoa hồng, hỏa hoạn, khoa học, bính."] })]).lexicon;

  it("gives each word's typoCandidates, looked up once per word and told apart by its marks", () => {
    const typos = typoMemo(lex);
    // The same letters typed without and with marks (and another mark) have other candidates.
    const words = parseQuery("hoa hòa hóa binh bính").words;
    for (const w of words) expect(typos(w)).toEqual(typoCandidates(lex, w));
    expect(typos(words[0])).not.toEqual(typos(words[1]));
    expect(typos(words[1])).not.toEqual(typos(words[2]));
    // Asked again (the same word in another query's parse), the kept list itself.
    const again = parseQuery("hòa").words[0];
    expect(typos(again)).toBe(typos(words[1]));
  });
});
