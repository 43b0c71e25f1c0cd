import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { testArticle } from "@/lib/corpus/test-article";
import type { Article } from "@/lib/corpus/types";
import { atomDate, xmlEscape } from "@/lib/feed/atom";
import { FEED_SIZE, feedTitle, searchFeed } from "@/lib/feed/search-feed";
import { SearchEngine } from "@/lib/search/engine";
import { feedHref } from "@/lib/url/links";
import { EMPTY_QUERY, parseSearchParams } from "@/lib/url/search-params";

function article(id: string, date: string | null, title: string, persons: string[], outlet: string | null): Article {
  return testArticle({ id, date, title, persons, outlet, paragraphs: [`${title}. Hội đàm hòa bình & <an ninh> tại Moscow.`] });
}

const engine = new SearchEngine([
  article("a", "2025-08-07", "Putin gặp Witkoff", ["Vladimir Putin"], "Dân trí"),
  article("b", "2025-12-04", "Kế hoạch hòa bình của Mỹ", ["Donald Trump"], "VnExpress"),
  article("c", null, "Điện Kremlin bình luận về Putin", ["Vladimir Putin"], null),
  article("d", "2025-09-01", 'Putin & Trump: "hòa bình" <sớm>?', ["Vladimir Putin", "Donald Trump"], "Tuổi Trẻ"),
]);

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", isArray: (name) => ["entry", "link", "category"].includes(name) });

function feedOf(qs: string) {
  const parsed = parseSearchParams(new URLSearchParams(qs));
  if (!parsed.ok) throw new Error(parsed.error.message);
  const xml = searchFeed(engine, parsed.query, "https://tim.tin");
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml).feed;
}

type Entry = { id: string; title: string; updated: string; link: { "@href": string }[]; category?: { "@term": string }[] };

describe("searchFeed", () => {
  it("is a well-formed Atom document with the required feed elements", () => {
    const feed = feedOf("q=Putin");
    expect(feed["@xmlns"]).toBe("http://www.w3.org/2005/Atom");
    expect(feed.id).toBe("https://tim.tin/feed?q=Putin");
    expect(feed.title).toBe("Tìm tin: “Putin”");
    expect(feed.author.name).toBe("Tìm tin");
    expect(feed.link.find((l: { "@rel": string }) => l["@rel"] === "self")["@href"]).toBe("https://tim.tin/feed?q=Putin");
    expect(feed.link.find((l: { "@rel": string }) => l["@rel"] === "alternate")["@href"]).toBe("https://tim.tin/?q=Putin");
    // The feed's date is its newest entry's.
    expect(feed.updated).toBe("2025-09-01T00:00:00+07:00");
  });

  it("lists the matching articles newest first, whatever sort the page used, undated last", () => {
    const entries: Entry[] = feedOf("q=Putin&sort=oldest").entry;
    expect(entries.map((x) => x.id)).toEqual(["https://tim.tin/articles/d", "https://tim.tin/articles/a", "https://tim.tin/articles/c"]);
    // Every entry has the elements Atom requires; an undated one takes the feed's date.
    for (const x of entries) {
      expect(x.title).toBeTruthy();
      expect(x.updated).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00\+07:00$/);
      expect(x.link[0]["@href"]).toBe(x.id);
    }
    expect(entries[2].updated).toBe("2025-09-01T00:00:00+07:00");
  });

  it("applies the page's filters and names them in the title", () => {
    const feed = feedOf("person=donald-trump&from=2025-09-01");
    expect(feed.entry.map((x: Entry) => x.id)).toEqual(["https://tim.tin/articles/b", "https://tim.tin/articles/d"]);
    expect(feed.title).toBe("Tìm tin: Từ 1/9/2025 · Donald Trump");
    expect(feed.entry[1].category.map((c: { "@term": string }) => c["@term"])).toEqual(["vladimir-putin", "donald-trump"]);
  });

  it("escapes markup in titles and summaries, so they read back as written", () => {
    const entry = feedOf("q=Trump").entry.find((x: Entry) => x.id.endsWith("/d"));
    expect(entry.title).toBe('Putin & Trump: "hòa bình" <sớm>?');
    expect(entry.summary).toContain("& <an ninh>");
  });

  it("is still valid with no matches (no entries, a date for the feed)", () => {
    const feed = feedOf("q=khongcogica");
    expect(feed.entry).toBeUndefined();
    expect(feed.updated).toBe("2025-12-04T00:00:00+07:00");
  });

  it("returns at most one page of FEED_SIZE entries", () => {
    const many = new SearchEngine(Array.from({ length: FEED_SIZE + 5 }, (_, i) => article(`n${i}`, "2025-01-01", `Bài ${i}`, [], null)));
    const xml = searchFeed(many, { ...EMPTY_QUERY, page: 3 }, "https://tim.tin");
    expect(parser.parse(xml).feed.entry).toHaveLength(FEED_SIZE);
  });
});

describe("feedHref", () => {
  it("keeps the words and filters, drops sort and page", () => {
    const q = { ...EMPTY_QUERY, q: "hòa bình", person: ["vladimir-putin"], sort: "oldest" as const, page: 4 };
    expect(feedHref(q)).toBe("/feed?q=hòa+bình&person=vladimir-putin");
    expect(feedHref(EMPTY_QUERY)).toBe("/feed");
  });
});

describe("feedTitle", () => {
  it("says what the feed follows", () => {
    expect(feedTitle(EMPTY_QUERY, () => undefined)).toBe("Tìm tin: tin mới nhất");
  });
});

describe("xml helpers", () => {
  it("escapes the five XML characters and drops characters XML cannot carry", () => {
    expect(xmlEscape(`a&b<c>"d'\u0001`)).toBe("a&amp;b&lt;c&gt;&quot;d&apos;");
    expect(atomDate("2025-08-07")).toBe("2025-08-07T00:00:00+07:00");
    expect(atomDate(null)).toBeNull();
  });
});
