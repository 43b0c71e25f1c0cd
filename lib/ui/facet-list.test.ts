import { describe, expect, it } from "vitest";
import { facetView, matchesFilter, withValues } from "@/lib/ui/facet-list";

const v = (name: string, count: number) => ({ id: name.toLowerCase().replace(/\s+/g, "-"), name, count });
const values = [v("Ân", 1), v("Donald Trump", 5), v("Vladimir Putin", 5), v("Đỗ Mười", 2), v("Bùi Thanh", 3)];

describe("matchesFilter", () => {
  it("ignores case and marks both ways", () => {
    expect(matchesFilter("Đỗ Mười", "do muoi")).toBe(true);
    expect(matchesFilter("Đỗ Mười", "Mười")).toBe(true);
    expect(matchesFilter("Do Muoi", "mười")).toBe(true);
    expect(matchesFilter("Vladimir Putin", "trump")).toBe(false);
    expect(matchesFilter("anything", "  ")).toBe(true);
  });
});

describe("facetView", () => {
  it("lists the top values by count, ties in Vietnamese order, and counts the rest", () => {
    const view = facetView(values, { selected: [], limit: 3 });
    expect(view.shown.map((x) => x.name)).toEqual(["Donald Trump", "Vladimir Putin", "Bùi Thanh"]);
    expect(view.more).toBe(2);
  });
  it("always shows a selected value", () => {
    const view = facetView(values, { selected: ["ân"], limit: 2 });
    expect(view.shown.map((x) => x.name)).toEqual(["Donald Trump", "Vladimir Putin", "Ân"]);
    expect(view.more).toBe(2);
  });
  it("shows everything once expanded, and every match while filtering", () => {
    expect(facetView(values, { selected: [], limit: 2, expanded: true }).shown).toHaveLength(5);
    expect(facetView(values, { selected: [], limit: 1, filter: "do" }).shown.map((x) => x.name)).toEqual(["Donald Trump", "Đỗ Mười"]);
  });
});

describe("withValues", () => {
  it("adds the values a facet search found beyond the page's list", () => {
    const merged = withValues(values.slice(0, 2), [v("Đỗ Mười", 2), v("Donald Trump", 5)]);
    expect(merged.map((x) => x.name)).toEqual(["Ân", "Donald Trump", "Đỗ Mười"]);
    expect(facetView(merged, { selected: [], filter: "muoi" }).shown.map((x) => x.name)).toEqual(["Đỗ Mười"]);
  });
});
