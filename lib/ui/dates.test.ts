import { describe, expect, it } from "vitest";
import { activeQuickRange, bucketLabel, bucketTick, fillMonths, monthOf, monthRange, orderedRange, parentRange, quickRanges } from "@/lib/ui/dates";

describe("monthRange / monthOf", () => {
  it("covers whole months, leap years included", () => {
    expect(monthRange("2025-08")).toEqual({ from: "2025-08-01", to: "2025-08-31" });
    expect(monthRange("2024-02")).toEqual({ from: "2024-02-01", to: "2024-02-29" });
    expect(monthRange("2025-12")).toEqual({ from: "2025-12-01", to: "2025-12-31" });
  });
  it("recognises a month range and nothing else", () => {
    expect(monthOf({ from: "2025-04-01", to: "2025-04-30" })).toBe("2025-04");
    expect(monthOf({ from: "2025-04-01", to: "2025-04-29" })).toBeNull();
    expect(monthOf({ from: "2025-04-01", to: null })).toBeNull();
  });
});

describe("quickRanges", () => {
  it("counts back from the newest article, both ends inclusive", () => {
    expect(quickRanges("2025-12-04")).toEqual([
      { key: "7d", label: "7 ngày", from: "2025-11-28", to: "2025-12-04" },
      { key: "30d", label: "30 ngày", from: "2025-11-05", to: "2025-12-04" },
      { key: "12m", label: "12 tháng", from: "2024-12-05", to: "2025-12-04" },
      { key: "all", label: "Tất cả", from: null, to: null },
    ]);
  });
  it("crosses a year and a short month", () => {
    const [d7, , m12] = quickRanges("2025-03-03");
    expect(d7.from).toBe("2025-02-25");
    expect(m12.from).toBe("2024-03-04");
  });
  it("offers only 'Tất cả' without a dated article", () => {
    expect(quickRanges(null).map((r) => r.key)).toEqual(["all"]);
  });
  it("finds the active range", () => {
    const ranges = quickRanges("2025-12-04");
    expect(activeQuickRange(ranges, { from: "2025-11-05", to: "2025-12-04" })).toBe("30d");
    expect(activeQuickRange(ranges, { from: null, to: null })).toBe("all");
    expect(activeQuickRange(ranges, { from: "2025-11-06", to: "2025-12-04" })).toBeNull();
  });
});

describe("orderedRange", () => {
  it("swaps a reversed range and keeps open ends", () => {
    expect(orderedRange("2025-09-01", "2025-08-01")).toEqual({ from: "2025-08-01", to: "2025-09-01" });
    expect(orderedRange("2025-09-01", null)).toEqual({ from: "2025-09-01", to: null });
  });
});

describe("fillMonths", () => {
  it("fills the gaps across a year end, oldest first", () => {
    expect(
      fillMonths([
        { month: "2026-01", count: 2 },
        { month: "2025-11", count: 1 },
      ]),
    ).toEqual([
      { month: "2025-11", count: 1 },
      { month: "2025-12", count: 0 },
      { month: "2026-01", count: 2 },
    ]);
    expect(fillMonths([])).toEqual([]);
  });
});

describe("bucketLabel / bucketTick / parentRange", () => {
  it("names a bar by its unit", () => {
    expect(bucketLabel({ from: "2025-08-01", to: "2025-08-31", unit: "month" })).toBe("tháng 8/2025");
    expect(bucketLabel({ from: "2017-01-01", to: "2017-12-31", unit: "year" })).toBe("năm 2017");
    expect(bucketLabel({ from: "1905-01-01", to: "1907-12-31", unit: "year" })).toBe("năm 1905–1907");
    expect(bucketLabel({ from: "2017-02-06", to: "2017-02-12", unit: "week" })).toBe("tuần 6/2/2017 – 12/2/2017");
    expect(bucketTick({ from: "2017-02-06", to: "2017-02-12", unit: "week" })).toBe("6/2");
    expect(bucketTick({ from: "2025-08-01", to: "2025-08-31", unit: "month" })).toBe("8");
  });
  it("zooms out one step: a day or week to its month, a month to its year, a year to all", () => {
    expect(parentRange({ from: "2025-08-21", to: "2025-08-21" })).toMatchObject({ from: "2025-08-01", to: "2025-08-31" });
    expect(parentRange({ from: "2025-08-01", to: "2025-08-31" })).toMatchObject({ from: "2025-01-01", to: "2025-12-31", label: "Cả năm 2025" });
    expect(parentRange({ from: "2025-01-01", to: "2025-12-31" })).toMatchObject({ from: null, to: null });
    expect(parentRange({ from: "2025-03-01", to: "2025-09-30" })).toBeNull();
    expect(parentRange({ from: null, to: "2025-09-30" })).toBeNull();
  });
});
