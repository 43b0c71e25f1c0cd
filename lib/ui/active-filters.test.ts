import { describe, expect, it } from "vitest";
import { activeFilters, toggleValue, withoutFilters } from "@/lib/ui/active-filters";
import { EMPTY_QUERY } from "@/lib/url/search-params";

const query = {
  ...EMPTY_QUERY,
  q: "hòa bình",
  sort: "relevance" as const,
  from: "2025-08-07",
  to: null,
  person: ["vladimir-putin", "donald-trump"],
  outlet: ["vnexpress"],
  page: 3,
};
const names: Record<string, string> = { "vladimir-putin": "Vladimir Putin", "donald-trump": "Donald Trump" };

describe("activeFilters", () => {
  it("lists each filter with a Vietnamese label, and the search without it", () => {
    const chips = activeFilters(query, (id) => names[id]);
    expect(chips.map((c) => c.label)).toEqual(["Từ 7/8/2025", "Vladimir Putin", "Donald Trump", "vnexpress"]);
    const putin = chips[1].without;
    expect(putin.person).toEqual(["donald-trump"]);
    expect(putin.q).toBe("hòa bình");
    expect(putin.page).toBe(1);
    expect(chips[0].without.from).toBeNull();
  });
  it("shows a whole month as one chip that removes both dates", () => {
    const chips = activeFilters({ ...EMPTY_QUERY, from: "2025-08-01", to: "2025-08-31" }, () => undefined);
    expect(chips.map((c) => c.label)).toEqual(["Tháng 8/2025"]);
    expect([chips[0].without.from, chips[0].without.to]).toEqual([null, null]);
    expect(activeFilters({ ...EMPTY_QUERY, from: "2025-08-01", to: "2025-08-30" }, () => undefined)).toHaveLength(2);
  });
  it("is empty without filters", () => {
    expect(activeFilters(EMPTY_QUERY, () => undefined)).toEqual([]);
  });
});

describe("toggleValue / withoutFilters", () => {
  it("adds then removes a value, back on page 1", () => {
    const added = toggleValue(query, "outlet", "tuoi-tre");
    expect(added.outlet).toEqual(["vnexpress", "tuoi-tre"]);
    expect(added.page).toBe(1);
    expect(toggleValue(added, "outlet", "vnexpress").outlet).toEqual(["tuoi-tre"]);
  });
  it("keeps the words and sort, drops every filter", () => {
    const clean = withoutFilters(query);
    expect([clean.q, clean.sort, clean.from, clean.person, clean.outlet, clean.page]).toEqual(["hòa bình", "relevance", null, [], [], 1]);
  });
});
