import { expect, test } from "vitest";
import { testArticle } from "@/lib/corpus/test-article";
import { dumpDifferences, peopleDumpLines } from "@/lib/index/people-dump";
import { memorySegment } from "@/lib/index/segment";
import { buildRankIndex } from "@/lib/search/rank-index";

function segmentOf(name: string, articles: ReturnType<typeof testArticle>[]) {
  const items = articles.map((article, line) => ({ article, line }));
  return memorySegment(name, items, buildRankIndex(articles));
}

const first = segmentOf("s1", [
  testArticle({ id: "c", persons: ["Nguyễn Văn An", "Lê Thị Bình"] }),
  testArticle({ id: "a", persons: [] }),
  testArticle({ id: "gone", persons: ["Trần Văn Cường"] }),
]);
first.gone[2] = 1;
const second = segmentOf("s2", [testArticle({ id: "b", persons: ["Lê Thị Bình"] })]);

test("one line per live article, sorted by id whatever the segments' order, with the stored people and the facet's ids", () => {
  const lines = peopleDumpLines([first, second]);
  expect(lines.map((l) => JSON.parse(l).id)).toEqual(["a", "b", "c"]);
  expect(peopleDumpLines([second, first])).toEqual(lines);
  const c = JSON.parse(lines[2]);
  expect(c.persons).toEqual([
    ["nguyễn-văn-an", "Nguyễn Văn An"],
    ["lê-thị-bình", "Lê Thị Bình"],
  ]);
  expect(c.facet).toEqual(["nguyễn-văn-an", "lê-thị-bình"]);
  expect(JSON.parse(lines[0]).persons).toEqual([]);
});

test("two dumps differ by the articles whose people changed, or that one of them lacks", () => {
  const old = peopleDumpLines([first, second]).join("\n") + "\n";
  expect(dumpDifferences(old, old)).toEqual({ changed: 0, first: [] });
  const changed = segmentOf("s2", [testArticle({ id: "b", persons: ["Lê Thị Bình", "Phạm Văn Dũng"] })]);
  const diff = dumpDifferences(old, peopleDumpLines([first, changed]).join("\n") + "\n");
  expect(diff.changed).toBe(1);
  expect(diff.first[0]).toContain("Phạm Văn Dũng");
  expect(dumpDifferences(old, peopleDumpLines([first]).join("\n") + "\n").changed).toBe(1);
});
