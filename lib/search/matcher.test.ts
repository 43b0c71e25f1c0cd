import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { testArticle } from "@/lib/corpus/test-article";
import type { Article } from "@/lib/corpus/types";
import { memoryArchive } from "@/lib/index/memory";
import { createMatcher, type MatchMode } from "@/lib/search/matcher";
import { RANK_WEIGHTS } from "@/lib/search/rank-score";
import { typoBudget } from "@/lib/search/query-expand";
import { MAX_WORD_LENGTH, MAX_WORDS, parseQuery } from "@/lib/search/query-parse";
import { leadPassage, SNIPPET_MAX } from "@/lib/search/snippet";
import type { Segment } from "@/lib/api/contract";

function article(id: string, title: string, ...paragraphs: string[]): Article {
  return testArticle({ id, title, paragraphs });
}

const filler = "Người dân trong thành phố cho biết cuộc sống vẫn diễn ra bình thường sau nhiều ngày.";

const articles = [
  article("peace", "Hai bên nỗ lực vì hòa bình", "Các nhà lãnh đạo kêu gọi đàm phán hòa bình lâu dài.", filler),
  article("peace-old", "Tiến trình hoà bình ở Trung Đông", "Tiến trình hoà bình được nối lại.", filler),
  article("scattered", "Đàm luận về phán quyết", "Buổi đàm luận kéo dài, phán quyết chưa có.", "Hòa giải và bình luận viên.", filler),
  article("road", "Con đường mới ở Hà Nội", "Đường Láng được mở rộng.", filler),
  article("ocean", "Thái Bình Dương dậy sóng", "Dương cầm và đại dương.", filler),
  article("whitehouse", "Nhà Trắng lên tiếng", "Người phát ngôn Nhà Trắng cho biết Tổng thống Donald Trump sẽ gặp ông Kim Jong-un.", filler),
  article("white", "Nhà mới sơn trắng", "Căn nhà có màu trắng, ông Trump không liên quan. Donald là tên khác.", filler),
  article("cereal", "Kellogg tăng giá ngũ cốc", "Hãng Kellogg cho biết giá tăng 7,5% lên 6.300 đồng/gói từ ngày 25/4/2025.", filler),
  article("health", "Sức khỏe của thủy thủ", "Thuỷ thủ đoàn khoẻ mạnh.", filler),
];

const matcher = createMatcher(articles);

function ranked(q: string, mode: MatchMode = "all"): string[] {
  const r = matcher.match(q, mode);
  if (!r) return [];
  return [...r.scores].sort((a, b) => b[1] - a[1]).map(([id]) => id);
}

const marked = (segments: Segment[]) => segments.filter((s) => s.mark).map((s) => s.text);
const joined = (segments: Segment[]) => segments.map((s) => s.text).join("");

describe("match: analysis", () => {
  it("returns null for queries with no searchable words", () => {
    for (const q of ["", "   ", "!!!", "-", "😀", "“ ”"]) expect(matcher.match(q)).toBeNull();
  });

  it("matches old and new tone placement and NFD input alike", () => {
    const a = ranked("hòa bình").sort();
    expect(a).toEqual(ranked("hoà bình").sort());
    expect(a).toEqual(ranked("hòa bình".normalize("NFD")).sort());
    expect(a).toContain("peace-old");
    expect(ranked("sức khoẻ thuỷ thủ")[0]).toBe("health");
  });

  it("matches unmarked queries through folded forms", () => {
    expect(ranked("hoa binh")).toEqual(expect.arrayContaining(["peace", "peace-old"]));
    expect(ranked("duong")).toEqual(expect.arrayContaining(["road", "ocean"]));
  });
});

describe("match: ranking", () => {
  it("matches a marked word to its own spelling only, an unmarked one to every spelling", () => {
    expect(ranked("đường ")).toEqual(["road"]);
    expect(ranked("dương ")).toEqual(["ocean"]);
    expect(ranked("duong ").sort()).toEqual(["ocean", "road"]);
    // Mixing: the marked word is exact, the unmarked one is not.
    expect(ranked("Thái Binh duong ")).toEqual(["ocean"]);
    expect(ranked("Thái Bính ", "exact")).toEqual([]);
    // A spelling the corpus lacks, next to a word it pairs with: corrected, and said so.
    expect(matcher.match("Thái Bính ")!.correctedQuery).toBe("Thái Bình");
  });

  it("ranks adjacent syllable pairs above scattered syllables", () => {
    const r = ranked("đàm phán");
    expect(r.indexOf("peace")).toBeLessThan(r.indexOf("scattered"));
    const w = ranked("Nhà Trắng");
    expect(w[0]).toBe("whitehouse");
    expect(ranked("Donald Trump")[0]).toBe("whitehouse");
  });

  it("weighs the title above the body", () => {
    const r = ranked("Kellogg");
    expect(r[0]).toBe("cereal");
    expect(ranked("trung đông")[0]).toBe("peace-old");
  });
});

describe("match: query language", () => {
  it("requires every word: nothing when no article has them all, some words only when asked", () => {
    const all = matcher.match("đường Láng")!;
    expect(all.relaxed).toBe(false);
    expect([...all.scores.keys()]).toEqual(["road"]);
    const none = matcher.match("Láng xyzzyq")!;
    expect(none.scores.size).toBe(0);
    expect(none.correctedQuery).toBeNull();
    const any = matcher.match("Láng xyzzyq", "any")!;
    expect(any.relaxed).toBe(true);
    expect([...any.scores.keys()]).toEqual(["road"]);
  });

  it("keeps quoted phrases adjacent and in order, marks optional; no phrase, no result", () => {
    expect(ranked('"nha trang"').sort()).toEqual(["whitehouse"]);
    // As typed (exact), a phrase in no article matches nothing; by default its words answer, said as a correction.
    expect(matcher.match('"trắng nhà"', "exact")!.scores.size).toBe(0);
    expect(matcher.match('"trắng nhà"')!.correctedQuery).toBe("trắng nhà");
    expect(ranked('"Donald Trump"')).toEqual(["whitehouse"]);
    expect(ranked('"nhà trắng"')).toEqual(["whitehouse"]);
    expect(ranked('"nhà trảng"', "exact")).toEqual([]);
  });

  it("never joins a phrase across a sentence or paragraph break", () => {
    const m = createMatcher([
      article("sentence", "Tin ngắn", "Ông Trump đến sau. Ông Kim về trước."),
      article("paragraph", "Tin khác", "Người đến là Trump", "Kim Jong-un ở lại."),
      article("adjacent", "Tin nữa", "Cuộc gặp Trump Kim diễn ra."),
    ]);
    const ids = (q: string) => [...m.match(q)!.scores.keys()];
    expect([...m.match('"sau ông Kim"', "exact")!.scores.keys()]).toEqual([]);
    expect(ids('"Trump Kim"')).toEqual(["adjacent"]);
    expect(ids("Trump Kim").sort()).toEqual(["adjacent", "paragraph", "sentence"]);
  });

  it("excludes -words", () => {
    expect(ranked("Trump -Kim")).toEqual(["white"]);
    expect(matcher.match("-Kellogg")!.scores.has("cereal")).toBe(false);
  });

  it("completes the last word as you type", () => {
    expect(ranked("Kello")).toContain("cereal");
    expect(ranked("Kello ")).not.toContain("cereal");
  });

  it("never matches a misspelt word silently: a lone one gets a suggestion", () => {
    const r = matcher.match("Kelogg")!;
    expect(r.scores.size).toBe(0);
    expect(r.suggestion).toBe("Kellogg");
    // two letters: no typo tolerance
    expect(matcher.match("nx ")!.scores.size).toBe(0);
  });

  it("corrects a word the corpus lacks when a correctly typed neighbour vouches for it, and says so", () => {
    const r = matcher.match("Donald Trunp ")!;
    expect(r.correctedQuery).toBe("Donald Trump");
    expect(ranked("Donald Trunp ")[0]).toBe("whitehouse");
    // The exact search stays exact.
    expect(matcher.match("Donald Trunp ", "exact")!.scores.size).toBe(0);
    // No correction without a neighbour the corpus knows (both words are unknown).
    expect(matcher.match("Donlad Trunp ")!.correctedQuery).toBeNull();
    // A word the corpus uses is never corrected.
    expect(matcher.match("Donald Kim ")!.correctedQuery).toBeNull();
  });

  it("answers a quote no article writes with its words, and says so; never in exact mode", () => {
    // The title writes `nỗ lực vì hòa bình`: the quoted phrase is in no article, its words are.
    const r = matcher.match('"nỗ lực hòa bình"')!;
    expect(r.correctedQuery).toBe("nỗ lực hòa bình");
    expect([...r.scores.keys()]).toEqual(["peace"]);
    expect(matcher.match('"nỗ lực hòa bình"', "exact")!.scores.size).toBe(0);
    // A quote some article writes is kept as typed.
    const kept = matcher.match('"nỗ lực vì hòa bình"')!;
    expect(kept.correctedQuery).toBeNull();
    expect([...kept.scores.keys()]).toEqual(["peace"]);
    // Words no article holds together stay an honest nothing, quoted or not.
    expect(matcher.match('"nỗ lực" Kellogg')!.scores.size).toBe(0);
    expect(matcher.match('"nỗ lực" Kellogg')!.correctedQuery).toBeNull();
    // Off (as before): nothing.
    const off = createMatcher(articles, { unquote: false }).match('"nỗ lực hòa bình"')!;
    expect(off.scores.size).toBe(0);
    expect(off.correctedQuery).toBeNull();
  });

  it("fixes a known but far rarer word only when nothing matches as typed, and says so", () => {
    const m = createMatcher([
      ...Array.from({ length: 25 }, (_, i) => article(`p${i}`, `Tin ${i}`, "Hai bên ký thỏa thuận hòa bình.")),
      article("year", "Năm Bính Thân", "Tết Bính Thân."),
    ]);
    const r = m.match("hòa bính ")!;
    expect(r.correctedQuery).toBe("hòa bình");
    expect(r.scores.size).toBe(25);
    expect(m.match("hòa bính ", "exact")!.scores.size).toBe(0);
    // It matches as typed: never changed.
    expect(m.match("Bính Thân ")!.correctedQuery).toBeNull();
    expect([...m.match("Bính Thân ")!.scores.keys()]).toEqual(["year"]);
  });

  it("decodes Telex and VNI typed with the input method off", () => {
    for (const q of ["hoaf binhf", "hoa2 bi2nh", "Hoaf binhf "]) {
      const r = matcher.match(q)!;
      expect(r.correctedQuery?.toLowerCase()).toBe("hoà bình");
      expect([...r.scores.keys()]).toEqual(expect.arrayContaining(["peace", "peace-old"]));
    }
    expect(matcher.match("ddamf phans ")!.correctedQuery).toBe("đàm phán");
  });

  it("matches numbers, decimals and dates as written", () => {
    expect(ranked("6.300")).toEqual(["cereal"]);
    expect(ranked("7,5")).toEqual(["cereal"]);
    expect(ranked("25/4/2025")).toEqual(["cereal"]);
    expect(ranked("Jong-un")).toEqual(["whitehouse"]);
    // A unit after a slash, as typed: the article's analyzer breaks `đồng/gói`, so the query's parts are words, not a phrase.
    expect(ranked("6.300 đồng/gói")).toEqual(["cereal"]);
    // A number as people type it: without the thousands dot, or with an English comma.
    expect(ranked("6300 đồng")).toEqual(["cereal"]);
    expect(ranked("6,300")).toEqual(["cereal"]);
  });

  it("suggests a correction from the vocabulary only when misspelt", () => {
    const many = createMatcher(Array.from({ length: 12 }, (_, i) => article(`k${i}`, `Kellogg số ${i}`, "Hãng Kellogg.")));
    expect(many.match("Kellog ")!.suggestion).toBe("Kellogg");
    expect(many.match("Kellogg")!.suggestion).toBeNull();
  });

  it("suggests a spelling from a small corpus when the typed word is not in it at all", () => {
    expect(matcher.match("Kellog")!.suggestion).toBe("Kellogg");
    expect(matcher.match("Kellogg")!.suggestion).toBeNull();
  });

  it("answers hostile queries without throwing, with snippets of bounded length", () => {
    for (const q of ['"', '"hòa bình', "- -", "a".repeat(200), "-".repeat(50), "hòa ".repeat(100), '""""', "\u0301\u0301"]) {
      expect(() => matcher.match(q)).not.toThrow();
      // "…" on either side is the only text a snippet may add to the bound.
      expect(joined(matcher.snippet(articles[0], q)).length).toBeLessThanOrEqual(SNIPPET_MAX + 2);
    }
  });

  it("bounds the work of a hostile query: at most MAX_WORDS words, no lookups for overlong words", () => {
    expect(parseQuery("hòa ".repeat(100)).words).toHaveLength(MAX_WORDS);
    expect(parseQuery('"' + "bình ".repeat(100) + '"').words).toHaveLength(MAX_WORDS);
    const long = parseQuery("a".repeat(MAX_WORD_LENGTH + 1));
    expect(long.words[0].prefix).toBe(false);
    expect(typoBudget(long.words[0].folded.length)).toBe(0);
  });
});

describe("a misspelt foreign name in a query that finds almost nothing", () => {
  const reports = (n: number) =>
    Array.from({ length: n }, (_, i) => article(`querrey${i}`, `Murray bị Querrey loại ở Wimbledon (${i})`, "Tay vợt người Mỹ thắng sau năm set.", filler));
  const typo = article("querry", "Querry loại Murray ở Wimbledon", "Bài viết sai tên tay vợt.", filler);
  const q = "Querry loại Murray ở Wimbledon";

  it("is read as its far commoner spelling when that finds several times more, and says so", () => {
    const r = createMatcher([...articles, typo, ...reports(6)]).match(q)!;
    expect(r.correctedQuery).toBe("Querrey loại Murray ở Wimbledon");
    expect(r.hits.map((h) => h.seg.rank.ids[h.d]).sort()).toEqual(
      reports(6)
        .map((a) => a.id)
        .sort(),
    );
  });

  it("is kept as typed when the other spelling is not far commoner, when the typed query finds enough, or in lower case", () => {
    // 2 against 1: not five times commoner.
    expect(createMatcher([...articles, typo, ...reports(2)]).match(q)!.correctedQuery).toBeNull();
    // Three full matches as typed: enough.
    const typos = [0, 1, 2].map((i) => article(`querry${i}`, `Querry loại Murray ở Wimbledon (${i})`, "Tin.", filler));
    expect(createMatcher([...articles, ...typos, ...reports(15)]).match(q)!.correctedQuery).toBeNull();
    // Not a name as typed.
    expect(createMatcher([...articles, typo, ...reports(6)]).match(q.toLowerCase())!.correctedQuery).toBeNull();
  });
});

describe("accent suggestions", () => {
  const written = [
    ...Array.from({ length: 8 }, (_, i) => article(`p${i}`, `Tin ${i}`, "Hai bên ký thỏa thuận hòa bình.")),
    article("h", "Hoa bình", "Một bình hoa đẹp."),
    article("r", "Đường phố", "Con đường đẹp."),
    article("o", "Đại dương", "Biển và đại dương."),
    article("n", "Họ Dương", "Ông Dương nói."),
    article("plain", "Tin", "Một hoa bình ở đây."),
    article("marked", "Tin", "Một hòa bình ở đây."),
  ];
  const usage = createMatcher(written);

  it("offers the archive's marked reading of an unmarked query, and boosts it", () => {
    const r = usage.match("hoa binh")!;
    expect(r.suggestion).toBe("hoà bình");
    expect(r.correctedQuery).toBeNull();
    const ranked = [...r.scores].sort((a, b) => b[1] - a[1]).map(([id]) => id);
    expect(ranked.indexOf("marked")).toBeLessThan(ranked.indexOf("plain"));
  });

  it("adds the accent to every full match holding the reading, the first article included, and to no other", () => {
    const plain = createMatcher(written, { weights: { ...RANK_WEIGHTS, accent: 0 } });
    const boosted = usage.match("hoa binh")!.scores;
    const without = plain.match("hoa binh")!.scores;
    const added = [...boosted].map(([id, score]) => [id, Math.round((score - without.get(id)!) * 1e6) / 1e6]);
    const holders = ["p0", "p1", "p2", "p3", "p4", "p5", "p6", "p7", "marked"];
    expect(Object.fromEntries(added)).toEqual(Object.fromEntries([...boosted.keys()].map((id) => [id, holders.includes(id) ? RANK_WEIGHTS.accent : 0])));
  });

  it("says nothing for an ambiguous word or a marked query", () => {
    expect(usage.match("duong")!.suggestion).toBeNull();
    expect(usage.match("hòa bình")!.suggestion).toBeNull();
    expect(usage.match("hoa bình")!.suggestion).toBeNull();
  });
});

describe("highlight", () => {
  it("marks only what matched: a marked word's own spelling, an unmarked word's every spelling", () => {
    const text = "Tổng thống nói về hòa bình, hoà bình, hóa đơn và bảo đảm.";
    expect(marked(matcher.highlight(text, "Tổng thống "))).toEqual(["Tổng thống"]);
    expect(marked(matcher.highlight(text, "hòa bình "))).toEqual(["hòa bình", "hoà bình"]);
    expect(marked(matcher.highlight(text, "hoa "))).toEqual(["hòa", "hoà", "hóa"]);
    expect(marked(matcher.highlight(text, "đàm phán "))).toEqual([]);
  });

  it("marks a phrase as one passage, as written in the original", () => {
    const text = "Tiến trình Hòa Bình, hòa bình và bình hòa.";
    const s = matcher.highlight(text, "hoa binh");
    expect(joined(s)).toBe(text);
    expect(marked(s)).toEqual(["Hòa Bình", "hòa bình", "bình", "hòa"]);
  });

  it("marks NFD text and old tone placement", () => {
    const text = "Thuỷ thủ hoà bình".normalize("NFD");
    const s = matcher.highlight(text, "thủy hòa");
    expect(joined(s)).toBe(text);
    expect(marked(s).length).toBe(2);
  });

  it("always joins back to the input text", () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom("hoa binh", '"nhà trắng"', "Trump -Kim", "Kello", "đ"), (text, q) => {
        expect(joined(matcher.highlight(text, q))).toBe(text);
      }),
    );
  });
});

describe("snippet", () => {
  const long = article(
    "long",
    "Bài dài",
    Array.from({ length: 30 }, (_, i) => `Câu số ${i} nói về thời tiết và giao thông trong thành phố.`).join(" "),
    "Ở đoạn này, các bên ký thỏa thuận hòa bình tại Genève sau nhiều năm.",
    Array.from({ length: 30 }, (_, i) => `Câu kết ${i} nói về chuyện khác.`).join(" "),
  );
  const text = long.paragraphs.join("\n");

  it("picks the passage with the query, cut at words with ellipses", () => {
    const s = matcher.snippet(long, "hoa binh Genève");
    const passage = joined(s);
    expect(marked(s)).toEqual(["hòa bình", "Genève"]);
    expect(passage.startsWith("…")).toBe(true);
    expect(passage.endsWith("…")).toBe(true);
    const inner = passage.replace(/^…|…$/g, "");
    expect(text.includes(inner)).toBe(true);
    expect(inner.length).toBeGreaterThanOrEqual(160);
    expect(inner.length).toBeLessThanOrEqual(240);
  });

  it("is a substring of the article text plus ellipses, for any query", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (q) => {
        const passage = joined(matcher.snippet(long, q));
        expect(text.includes(passage.replace(/^…|…$/g, ""))).toBe(true);
      }),
    );
  });
});

describe("snippet from a caption", () => {
  it("shows the photo caption when only the caption matches, and the text otherwise", () => {
    const withCaption = {
      ...article("alaska", "Hai tổng thống gặp nhau", "Cuộc gặp diễn ra tốt đẹp.", filler),
      captions: ["Hai nhà lãnh đạo tại Alaska (Ảnh: Reuters)."],
    };
    const m = createMatcher([withCaption, ...articles]);
    expect(m.match("alaska")?.scores.has("alaska")).toBe(true);
    expect(marked(m.snippet(withCaption, "alaska"))).toEqual(["Alaska"]);
    expect(joined(m.snippet(withCaption, "gặp"))).toContain("Cuộc gặp diễn ra");
  });
});

describe("related", () => {
  it("finds articles sharing rare terms, never the article itself", () => {
    const archive = memoryArchive(articles);
    const m = createMatcher(archive);
    const r = m.related(archive.locate("peace")!, 3).map((l) => l.seg.rank.ids[l.d]);
    expect(r).not.toContain("peace");
    expect(r.length).toBeGreaterThan(0);
    expect(r.length).toBeLessThanOrEqual(3);
    // On nine articles only terms of at most two articles count: peace shares "đàm" and
    // "phán" with scattered alone ("hòa" and "bình" are in three or more).
    expect(r[0]).toBe("scattered");
  });

  it("offers nothing for an article that shares no rare term", () => {
    const archive = memoryArchive(articles);
    expect(createMatcher(archive).related(archive.locate("health")!, 3)).toEqual([]);
  });
});

describe("leadPassage", () => {
  it("keeps a short lead whole and cuts a long one at a word boundary, with one ellipsis", () => {
    expect(leadPassage("Một câu ngắn.")).toEqual([{ text: "Một câu ngắn.", mark: false }]);
    expect(leadPassage("")).toEqual([]);
    const long = "Hòa bình ".repeat(40).trim();
    const [only, ...rest] = leadPassage(long);
    expect(rest).toEqual([]);
    expect(only.text.endsWith("bình…") || only.text.endsWith("Hòa…")).toBe(true);
    expect(long.startsWith(only.text.slice(0, -1))).toBe(true);
    expect(only.text.length).toBeLessThanOrEqual(SNIPPET_MAX + 1);
  });
});

describe("year ranges", () => {
  const seasons = createMatcher([
    article("slash2", "Chelsea vô địch mùa giải 2016/17", "Đội bóng thành London đăng quang.", filler),
    article("slash4", "Tổng kết mùa giải 2016/2017 của Chelsea", "Một mùa giải thành công.", filler),
    article("hyphen2", "Chelsea và mùa giải 2016-17", "Conte giành chức vô địch.", filler),
    article("other", "Chelsea chuẩn bị mùa giải 2017/18", "Ngày 17/5 đội bóng trở lại. Trận thắng 2-1.", filler),
  ]);
  const found = (q: string) => [...(seasons.match(q)?.scores.keys() ?? [])].sort();

  it("finds a season in any of its written forms, whichever the query uses", () => {
    for (const q of ["mùa giải 2016-2017", "mùa giải 2016/2017", "mùa giải 2016/17", "mùa giải 2016-17", '"2016 2017"']) {
      expect(found(q)).toEqual(["hyphen2", "slash2", "slash4"]);
    }
    expect(found("mùa giải 2017-2018")).toEqual(["other"]);
    // A date and a score are not years.
    expect(found("17/5")).toEqual(["other"]);
    // The 17 of a range is read as 2017, not as the number 17.
    expect(found("2016 17 ")).toEqual([]);
  });

  it("marks the range as written", () => {
    expect(marked(seasons.highlight("Chelsea vô địch mùa giải 2016/17", "2016-2017"))).toEqual(["2016/17"]);
    expect(marked(seasons.highlight("mùa giải 2016-17 và ngày 17/5", "2016/2017"))).toEqual(["2016-17"]);
  });
});

describe("a number or code however it is written (analyzer WORD, query-expand.ts decimalSpellings)", () => {
  const docs = [
    article("point", "Loại bỏ thuốc chứa hoạt chất 2.4 D", "Bộ loại bỏ thuốc diệt cỏ 2.4D khỏi danh mục.", filler),
    article("comma", "Cấm thuốc diệt cỏ 2,4-D", "Thuốc 2,4 D bị cấm.", filler),
    article("date", "Giá xăng tăng 2,5% từ 2.4", "Giá xăng tăng từ ngày 2.4.", filler),
    article("hyphen", "Đội U-23 Việt Nam tập trung", "Đội tuyển U-23 lên đường.", filler),
    article("joined", "U23 Việt Nam thắng", "Đội U23 Việt Nam thắng đậm.", filler),
  ];
  const m = createMatcher(docs);
  const found = (q: string, matcher = m) => [...(matcher.match(q)?.scores.keys() ?? [])].sort();

  it("finds a decimal inside a code in either writing, and a code with or without its hyphen", () => {
    expect(found("thuốc 2,4-D")).toEqual(["comma", "point"]);
    expect(found("thuốc 2.4D")).toEqual(["comma", "point"]);
    expect(found("U23 Việt Nam")).toEqual(["hyphen", "joined"]);
    expect(found("U-23 Việt Nam")).toEqual(["hyphen", "joined"]);
    // Off (as before rank21): the decimal as typed only.
    expect(found("thuốc 2,4-D", createMatcher(docs, { decimalSpellings: false }))).toEqual(["comma"]);
  });

  it("does not read a quantity standing alone as a date: 2,5% is not 2.5", () => {
    expect(found("giá xăng tăng 2,4")).toEqual([]);
    expect(found("giá xăng tăng 2,5")).toEqual(["date"]);
  });
});

describe("a day and month written with slashes or dots (query-expand.ts dateSpellings)", () => {
  const holidays = [
    article("dots", "Lễ 2.9 được nghỉ 3 ngày", "Người lao động được nghỉ dịp lễ 2.9.", filler),
    article("slashes", "Nghỉ lễ 2/9 kéo dài", "Dịp 2/9 năm nay người lao động được nghỉ.", filler),
    article("other", "Nghỉ lễ 30/4", "Người lao động được nghỉ 4 ngày.", filler),
  ];
  const holiday = createMatcher(holidays);
  const found = (q: string) => [...(holiday.match(q)?.scores.keys() ?? [])].sort();

  it("finds the date in either writing, whichever the query uses", () => {
    expect(found("nghỉ lễ 2/9")).toEqual(["dots", "slashes"]);
    expect(found("nghỉ lễ 2.9")).toEqual(["dots", "slashes"]);
    expect(found("nghỉ lễ 30.4")).toEqual(["other"]);
    // Off (as before 2026-11-27): the date as typed only.
    const typed = createMatcher(holidays, { dateSpellings: false });
    expect([...typed.match("nghỉ lễ 2/9")!.scores.keys()]).toEqual(["slashes"]);
  });

  it("marks the date as written", () => {
    expect(marked(holiday.highlight("Lễ 2.9 được nghỉ 3 ngày", "nghỉ lễ 2/9"))).toEqual(["Lễ 2.9", "nghỉ"]);
  });
});

describe("a month typed after tháng matches the dates written with it (query-expand.ts monthDates)", () => {
  const fees = [
    article("dated", "Điều chỉnh giá dịch vụ hàng không", "Giá mới áp dụng từ 1/10/2017, lùi một tháng so với dự kiến.", filler),
    article("plain", "Tăng giá dịch vụ hàng không từ tháng 10", "Giá mới áp dụng tháng 10.", filler),
    article("other", "Giá dịch vụ hàng không tăng", "Giá mới áp dụng từ 1/9/2017, một tháng sớm hơn.", filler),
  ];
  const found = (m: ReturnType<typeof createMatcher>, q: string) => [...(m.match(q)?.scores.keys() ?? [])].sort();

  it("finds the month inside a written date, not another month's, and only after tháng (off with monthDates false)", () => {
    expect(found(createMatcher(fees), "giá dịch vụ hàng không tháng 10")).toEqual(["dated", "plain"]);
    expect(found(createMatcher(fees), "giá dịch vụ hàng không 10")).toEqual(["plain"]);
    expect(found(createMatcher(fees, { monthDates: false }), "giá dịch vụ hàng không tháng 10")).toEqual(["plain"]);
  });
});
