import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dateBuckets, dayKeyToIso, MAX_BARS, quickRangeEnd } from "@/lib/search/date-buckets";

const counts = (...entries: [string, number][]) => new Map(entries);

describe("dateBuckets", () => {
  it("is empty without dates", () => {
    expect(dateBuckets(new Map())).toEqual([]);
  });

  it("uses days for a short span, filling empty days", () => {
    const b = dateBuckets(counts(["2017-02-06", 3], ["2017-02-08", 1]));
    expect(b.map((x) => [x.from, x.to, x.unit, x.count])).toEqual([
      ["2017-02-06", "2017-02-06", "day", 3],
      ["2017-02-07", "2017-02-07", "day", 0],
      ["2017-02-08", "2017-02-08", "day", 1],
    ]);
  });

  it("uses Monday-to-Sunday weeks when days are too many and months too few", () => {
    const b = dateBuckets(counts(["2017-02-06", 1], ["2017-02-12", 2], ["2017-04-20", 4]));
    expect(b[0]).toMatchObject({ from: "2017-02-06", to: "2017-02-12", unit: "week", count: 3 });
    expect(b.at(-1)).toMatchObject({ from: "2017-04-17", to: "2017-04-23", count: 4 });
    expect(b.length).toBe(11);
  });

  it("counts back from today only for a live archive whose newest article is recent", () => {
    expect(quickRangeEnd("2026-11-20", "2026-11-25")).toEqual({ date: "2026-11-25", basis: "today" });
    expect(quickRangeEnd("2025-12-04", "2026-11-25")).toEqual({ date: "2025-12-04", basis: "newest" });
    expect(quickRangeEnd(null, "2026-11-25")).toBeNull();
  });

  it("uses months for the seeds' span (April to December 2025)", () => {
    const b = dateBuckets(counts(["2025-04-25", 1], ["2025-08-07", 1], ["2025-08-21", 1], ["2025-12-04", 1]));
    expect(b.map((x) => x.from.slice(0, 7))).toEqual(["2025-04", "2025-05", "2025-06", "2025-07", "2025-08", "2025-09", "2025-10", "2025-11", "2025-12"]);
    expect(b[4]).toMatchObject({ from: "2025-08-01", to: "2025-08-31", unit: "month", count: 2 });
    expect(b[1].count).toBe(0);
  });

  it("uses years for several years, and zooms: a year to its months, a month to its days", () => {
    const c = counts(["2015-03-02", 1], ["2017-02-06", 2], ["2017-07-14", 3], ["2022-12-31", 1]);
    const years = dateBuckets(c);
    expect(years.map((x) => [x.from, x.to, x.count])).toEqual([
      ["2015-01-01", "2015-12-31", 1],
      ["2016-01-01", "2016-12-31", 0],
      ["2017-01-01", "2017-12-31", 5],
      ["2018-01-01", "2018-12-31", 0],
      ["2019-01-01", "2019-12-31", 0],
      ["2020-01-01", "2020-12-31", 0],
      ["2021-01-01", "2021-12-31", 0],
      ["2022-01-01", "2022-12-31", 1],
    ]);
    const months = dateBuckets(c, years[2]);
    expect(months.map((x) => [x.from.slice(0, 7), x.unit, x.count])).toEqual([
      ["2017-02", "month", 2],
      ["2017-03", "month", 0],
      ["2017-04", "month", 0],
      ["2017-05", "month", 0],
      ["2017-06", "month", 0],
      ["2017-07", "month", 3],
    ]);
    const days = dateBuckets(c, months[0]);
    expect(days).toEqual([{ from: "2017-02-06", to: "2017-02-06", unit: "day", step: 1, count: 2 }]);
  });

  it("puts several years in a bar when even years are too many", () => {
    const b = dateBuckets(counts(["1905-06-01", 1], ["2071-06-29", 1]));
    expect(b.length).toBeLessThanOrEqual(MAX_BARS);
    expect(b[0]).toMatchObject({ from: "1905-01-01", unit: "year", step: 3, count: 1 });
    expect(b.at(-1)).toMatchObject({ to: "2071-12-31", count: 1 });
  });

  it("converts the engine's day keys", () => {
    expect(dayKeyToIso(20170206)).toBe("2017-02-06");
  });

  it("property: at most MAX_BARS contiguous bars that cover every day once and keep every count", () => {
    const day = fc.integer({ min: 0, max: 365 * 200 }).map((n) => new Date(Date.UTC(1900, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.array(fc.tuple(day, fc.integer({ min: 1, max: 5 })), { minLength: 1, maxLength: 30 }), (entries) => {
        const c = new Map(entries);
        const b = dateBuckets(c);
        expect(b.length).toBeLessThanOrEqual(MAX_BARS);
        expect(b.reduce((s, x) => s + x.count, 0)).toBe([...c.values()].reduce((s, n) => s + n, 0));
        for (let i = 1; i < b.length; i++) {
          const next = new Date(Date.parse(`${b[i - 1].to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
          expect(b[i].from).toBe(next);
        }
        for (const d of c.keys()) expect(b.some((x) => x.from <= d && d <= x.to)).toBe(true);
      }),
    );
  });
});
