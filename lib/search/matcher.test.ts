import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Article } from "@/lib/corpus/types";
import { memoryArchive } from "@/lib/index/memory";
import { createMatcher } from "@/lib/search/matcher";
import { typoBudget } from "@/lib/search/query-expand";
import { MAX_WORD_LENGTH, MAX_WORDS, parseQuery } from "@/lib/search/query-parse";
import { SNIPPET_MAX } from "@/lib/search/snippet";
import type { Segment } from "@/lib/api/contract";

function article(id: string, title: string, ...paragraphs: string[]): Article {
  return {
    id,
    file: `${id}.txt`,
    title,
    titleDerived: false,
    date: null,
    dateEstimated: false,
    outlet: null,
    sources: [],
    persons: [],
    paragraphs,
    captions: [],
    url: null,
    provenance: { title: "page", date: "none", outlet: "none", paragraphsKept: paragraphs.length, paragraphsDropped: 0 },
  };
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
  article("cereal", "Kellogg tăng giá ngũ cốc", "Hãng Kellogg cho biết giá tăng 7,5% lên 6.300 đồng từ ngày 25/4/2025.", filler),
  article("health", "Sức khỏe của thủy thủ", "Thuỷ thủ đoàn khoẻ mạnh.", filler),
];

const matcher = createMatcher(articles);

function ranked(q: string): string[] {
  const r = matcher.match(q);
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
  it("ranks exact marked words above folded-only matches", () => {
    const r = ranked("đường");
    expect(r[0]).toBe("road");
    expect(r).toContain("ocean");
    expect(ranked("dương")[0]).toBe("ocean");
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
  it("requires every word, and relaxes to any word when none has all", () => {
    const all = matcher.match("đường Láng")!;
    expect(all.relaxed).toBe(false);
    expect([...all.scores.keys()]).toEqual(["road"]);
    const any = matcher.match("Láng xyzzyq")!;
    expect(any.relaxed).toBe(true);
    expect([...any.scores.keys()]).toContain("road");
  });

  it("keeps quoted phrases adjacent and in order, marks optional", () => {
    expect(ranked('"nha trang"').sort()).toEqual(["whitehouse"]);
    // No article has the phrase: the answer falls back to any word, and says so.
    expect(matcher.match('"trắng nhà"')!.relaxed).toBe(true);
    expect(ranked('"Donald Trump"')).toEqual(["whitehouse"]);
  });

  it("excludes -words", () => {
    expect(ranked("Trump -Kim")).toEqual(["white"]);
    expect(matcher.match("-Kellogg")!.scores.has("cereal")).toBe(false);
  });

  it("completes the last word as you type", () => {
    expect(ranked("Kello")).toContain("cereal");
    expect(ranked("Kello ")).not.toContain("cereal");
  });

  it("tolerates a typo scaled by word length, not counting marks", () => {
    expect(ranked("Kelogg")[0]).toBe("cereal");
    expect(ranked("Kellog ")[0]).toBe("cereal");
    // two letters: no typo tolerance
    expect(matcher.match("nx ")!.scores.size).toBe(0);
  });

  it("matches numbers, decimals and dates as written", () => {
    expect(ranked("6.300")).toEqual(["cereal"]);
    expect(ranked("7,5")).toEqual(["cereal"]);
    expect(ranked("25/4/2025")).toEqual(["cereal"]);
    expect(ranked("Jong-un")).toEqual(["whitehouse"]);
  });

  it("suggests a correction from the vocabulary only when misspelt", () => {
    const many = createMatcher(
      Array.from({ length: 12 }, (_, i) => article(`k${i}`, `Kellogg số ${i}`, "Hãng Kellogg.")),
    );
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

describe("highlight", () => {
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
    const withCaption = { ...article("alaska", "Hai tổng thống gặp nhau", "Cuộc gặp diễn ra tốt đẹp.", filler), captions: ["Hai nhà lãnh đạo tại Alaska (Ảnh: Reuters)."] };
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
