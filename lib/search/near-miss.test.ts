// Near misses through the whole engine: listed after every full match, saying what they
// lack, counted in neither the total nor the facets.
import { describe, expect, it } from "vitest";
import { testArticle } from "@/lib/corpus/test-article";
import { SearchEngine } from "@/lib/search/engine";
import { EMPTY_QUERY } from "@/lib/url/search-params";
import type { SearchQuery } from "@/lib/api/contract";

// `ở` is in most articles: a minor word; cháy, rừng and Pleiku are rare.
const background = Array.from({ length: 20 }, (_, i) =>
  testArticle({ id: `bg${i}`, title: `Tin số ${i}`, paragraphs: ["Người dân ở thành phố cho biết cuộc sống vẫn bình thường."] }),
);
const fires = [
  testArticle({ id: "full-old", date: "2025-03-01", title: "Cháy rừng ở Pleiku", paragraphs: ["Lửa lan nhanh ở vùng đồi."], persons: ["Nguyễn Văn An"] }),
  testArticle({ id: "full-new", date: "2025-06-01", title: "Cháy rừng ở Pleiku lại bùng lên", paragraphs: ["Đám cháy rừng ở Pleiku kéo dài."] }),
  testArticle({
    id: "near-old",
    date: "2025-01-01",
    title: "Cháy rừng tại Pleiku",
    paragraphs: ["Cháy rừng Pleiku, lửa lan nhanh."],
    persons: ["Trần Thị Bình"],
  }),
  testArticle({ id: "near-new", date: "2025-07-01", title: "Pleiku: cháy rừng", paragraphs: ["Rừng thông bị cháy."] }),
  testArticle({ id: "no-pleiku", date: "2025-05-01", title: "Cháy rừng ở phía bắc", paragraphs: ["Cháy rừng ở nhiều nơi."] }),
];

const engine = new SearchEngine([...background, ...fires]);
const search = (q: Partial<SearchQuery>) => engine.search({ ...EMPTY_QUERY, q: "cháy rừng ở Pleiku", ...q });
const ids = (q: Partial<SearchQuery>) => search(q).hits.map((h) => h.id);

describe("near misses", () => {
  it("lists them after every full match, each saying which word it lacks; total and facets count full matches only", () => {
    const r = search({});
    expect(
      r.hits
        .map((h) => h.id)
        .slice(0, 2)
        .sort(),
    ).toEqual(["full-new", "full-old"]);
    expect(
      r.hits
        .map((h) => h.id)
        .slice(2)
        .sort(),
    ).toEqual(["near-new", "near-old"]);
    expect(r.total).toBe(2);
    expect(r.totalNearMisses).toBe(2);
    expect(r.hits.slice(0, 2).map((h) => h.missing)).toEqual([[], []]);
    expect(r.hits.slice(2).map((h) => h.missing)).toEqual([["ở"], ["ở"]]);
    // The article lacking Pleiku (a rare word) is no near miss.
    expect(r.hits.map((h) => h.id)).not.toContain("no-pleiku");
    // Facets count the full matches only.
    expect(r.facets.persons.map((p) => p.name)).toEqual(["Nguyễn Văn An"]);
  });

  it("pages past the full matches into the near misses, in the page's order", () => {
    expect(ids({ size: 1, page: 1 })).toHaveLength(1);
    expect(ids({ size: 3, page: 1 })).toHaveLength(3);
    expect(search({ size: 3, page: 1 }).hits[2].missing).toEqual(["ở"]);
    expect(ids({ size: 3, page: 2 })).toHaveLength(1);
    expect(ids({ sort: "newest" })).toEqual(["full-new", "full-old", "near-new", "near-old"]);
    expect(ids({ sort: "oldest" })).toEqual(["full-old", "full-new", "near-old", "near-new"]);
    expect(ids({ sort: "newest", size: 1, page: 3 })).toEqual(["near-new"]);
  });

  it("honours the filters, and shows none when no full match passes them", () => {
    expect(ids({ from: "2025-02-01" })).toEqual(expect.arrayContaining(["full-old", "full-new", "near-new"]));
    expect(ids({ from: "2025-02-01" })).not.toContain("near-old");
    expect(search({ from: "2025-02-01" }).totalNearMisses).toBe(1);
    const none = search({ to: "2025-02-01" });
    expect(none.total).toBe(0);
    expect(none.hits).toEqual([]);
    expect(none.totalNearMisses).toBe(0);
  });

  it("never appear when no article holds every word, nor for short queries", () => {
    const alone = new SearchEngine([...background, fires[2], fires[3]]);
    const r = alone.search({ ...EMPTY_QUERY, q: "cháy rừng ở Pleiku" });
    expect(r.hits).toEqual([]);
    expect(r.totalNearMisses).toBe(0);
    expect(search({ q: "rừng ở" }).hits.every((h) => h.missing.length === 0)).toBe(true);
    expect(search({ q: "rừng ở" }).totalNearMisses).toBe(0);
  });

  it("groups near misses into stories on their own when results are grouped", () => {
    const r = search({ group: true });
    expect(r.total).toBe(2);
    expect(r.hits.filter((h) => h.missing.length).length).toBe(r.totalNearMisses);
  });
});

describe("near misses grouped into stories", () => {
  // One report told twice (a copy one day later): the first holds every word, the copy lacks `ở`.
  const told =
    "Lực lượng kiểm lâm cùng hàng trăm người dân đã dùng cành cây dập lửa suốt đêm qua, đám cháy rừng thông lan rộng trên nhiều quả đồi phía tây thành phố, gió mạnh khiến ngọn lửa bùng lên nhiều lần, chính quyền huy động xe chữa cháy và máy bay không người lái để theo dõi diễn biến, đến sáng nay lửa cơ bản đã được khống chế và không có thiệt hại về người.";
  const story = new SearchEngine([
    ...background,
    testArticle({ id: "first", date: "2025-03-01", title: "Cháy rừng ở Pleiku", paragraphs: [told] }),
    testArticle({ id: "copy", date: "2025-03-02", title: "Cháy rừng tại Pleiku", paragraphs: [told] }),
  ]);
  const found = (group: boolean) => story.search({ ...EMPTY_QUERY, q: "cháy rừng ở Pleiku", group });

  it("never lists again, as a near miss, a story a full match already stands for", () => {
    expect(found(false).hits.map((h) => h.id)).toEqual(["first", "copy"]);
    const grouped = found(true);
    expect(grouped.hits.map((h) => h.id)).toEqual(["first"]);
    expect(grouped.totalNearMisses).toBe(0);
  });
});
