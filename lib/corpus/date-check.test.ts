import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkDates, sortByArchiveOrder, type DateCheckItem } from "@/lib/corpus/date-check";

const TODAY = "2026-11-25";

/** An archive of one source in publication order: `baomoi-1000`, `baomoi-1001`, … one day apart every 10 ids. */
function archive(n: number, start = "2017-02-06"): DateCheckItem[] {
  const t0 = Date.parse(`${start}T00:00:00Z`);
  return Array.from({ length: n }, (_, i) => ({
    id: `baomoi-${1000 + i}`,
    order: i,
    source: "baomoi.jsonl",
    date: new Date(t0 + Math.floor(i / 10) * 86_400_000).toISOString().slice(0, 10),
    metadata: false,
  }));
}
const dateOf = (r: Map<string, { date: string | null }>, id: string) => r.get(id)?.date;

describe("checkDates", () => {
  it("keeps estimates that agree with their neighbours and drops the ones far from them", () => {
    const items = archive(60);
    items[25] = { ...items[25], date: "1907-02-09" }; // a birth date in the lead
    items[30] = { ...items[30], date: "2016-02-10" }; // last year's event
    items[35] = { ...items[35], date: "2017-02-08" }; // a day off: fine
    const r = checkDates(items, { today: TODAY });
    expect(dateOf(r, "baomoi-1025")).toBeNull();
    expect(r.get("baomoi-1025")?.verdict).toBe("far-from-neighbours");
    expect(dateOf(r, "baomoi-1030")).toBeNull();
    expect(dateOf(r, "baomoi-1035")).toBe("2017-02-08");
    expect(dateOf(r, "baomoi-1040")).toBe("2017-02-10");
  });

  it("in an archive in order, keeps the day written or the day before, not an event days earlier or a date announced", () => {
    const items = archive(80); // baomoi-1040..1049 are 2017-02-10
    const clue = (monthDay: string) => ({ date: null, clue: { monthDay, shift: 0, years: [] } });
    items[41] = { ...items[41], ...clue("02-09") }; // "Ngày 9/2, …" published on the 10th
    items[42] = { ...items[42], ...clue("02-06") }; // a recounted event
    items[43] = { ...items[43], ...clue("02-15") }; // a release date announced ahead
    const r = checkDates(items, { today: TODAY });
    expect(dateOf(r, "baomoi-1041")).toBe("2017-02-09");
    expect(dateOf(r, "baomoi-1042")).toBeNull();
    expect(dateOf(r, "baomoi-1043")).toBeNull();
  });

  it("gives a day-month the year of its neighbours, across a new year", () => {
    const items = archive(40, "2016-12-28");
    items[20] = { ...items[20], date: null, clue: { monthDay: "12-31", shift: 0 } }; // neighbours: 2016-12-30
    items[21] = { ...items[21], date: null, clue: { monthDay: "01-01", shift: 0 } };
    items[22] = { ...items[22], date: null, clue: { monthDay: "12-31", shift: 1 } }; // "hôm qua (31/12)"
    const r = checkDates(items, { today: TODAY });
    expect(dateOf(r, "baomoi-1020")).toBe("2016-12-31");
    expect(dateOf(r, "baomoi-1021")).toBe("2017-01-01");
    expect(dateOf(r, "baomoi-1022")).toBe("2017-01-01");
    expect(r.get("baomoi-1020")?.verdict).toBe("year-from-neighbours");
  });

  it("drops a day-month far from every year's neighbours, or with no neighbours", () => {
    const items = archive(40);
    items[20] = { ...items[20], date: null, clue: { monthDay: "07-15", shift: 0 } };
    const r = checkDates(items, { today: TODAY });
    expect(r.get("baomoi-1020")).toEqual({ date: null, verdict: "far-from-neighbours" });
    const lone = checkDates([{ id: "a", order: 0, source: "x", date: null, metadata: false, clue: { monthDay: "02-06", shift: 0 } }], { today: TODAY });
    expect(lone.get("a")).toEqual({ date: null, verdict: "no-neighbours" });
  });

  it("keeps metadata dates whatever their neighbours say, and uses them as neighbours", () => {
    const pages: DateCheckItem[] = [
      { id: "000_x", order: 0, source: "dir:.", date: "2025-08-07", metadata: true },
      { id: "001_y", order: 1, source: "dir:.", date: "2025-12-04", metadata: true },
      { id: "002_z", order: 2, source: "dir:.", date: "2025-08-21", metadata: true },
      // The text names 2025 ("tháng 1/2025"): with few neighbours, the text must confirm the year.
      { id: "003_w", order: 3, source: "dir:.", date: null, metadata: false, clue: { monthDay: "04-25", shift: 0, years: [2025] } },
      { id: "004_v", order: 4, source: "dir:.", date: null, metadata: false, clue: { monthDay: "04-11", shift: 0, years: [] } },
    ];
    const r = checkDates(pages, { today: TODAY });
    expect(pages.map((p) => dateOf(r, p.id))).toEqual(["2025-08-07", "2025-12-04", "2025-08-21", "2025-04-25", null]);
    expect(r.get("004_v")?.verdict).toBe("far-from-neighbours");
    // Far beyond even scattered neighbours: dropped, whatever the text names.
    const far = checkDates([...pages.slice(0, 3), { ...pages[3], clue: { monthDay: "01-05", shift: 0, years: [2025] } }], { today: TODAY });
    expect(dateOf(far, "003_w")).toBeNull();
  });

  it("keeps an estimate unchecked when the archive has too few dated neighbours", () => {
    const r = checkDates([{ id: "a", order: 0, source: "one.jsonl", date: "2017-02-06", metadata: false }], { today: TODAY });
    expect(r.get("a")).toEqual({ date: "2017-02-06", verdict: "unchecked" });
  });

  it("checks within one source only", () => {
    const a = archive(30);
    const b = archive(30, "2020-06-01").map((x) => ({ ...x, id: `other-${x.id}`, source: "other.jsonl" }));
    b[15] = { ...b[15], date: null, clue: { monthDay: "06-02", shift: 0 } };
    const r = checkDates([...a, ...b], { today: TODAY });
    expect(dateOf(r, "other-baomoi-1015")).toBe("2020-06-02");
  });

  it("never keeps a date after today, even from metadata", () => {
    const items = archive(30, "2026-11-20");
    items[5] = { ...items[5], date: "2071-06-29", metadata: true };
    items[29] = { ...items[29], date: "2026-11-26" };
    items[28] = { ...items[28], date: null, clue: { monthDay: "11-27", shift: 0 } };
    const r = checkDates(items, { today: "2026-11-25" });
    expect(dateOf(r, "baomoi-1029")).toBeNull();
    expect(dateOf(r, "baomoi-1028")).toBeNull();
    expect(r.get("baomoi-1005")).toEqual({ date: null, verdict: "future" });
  });

  it("orders by the number in the ids when they share a prefix, else by file order", () => {
    const ids = (xs: DateCheckItem[]) => sortByArchiveOrder(xs).map((x) => x.id);
    const mk = (id: string, order: number): DateCheckItem => ({ id, order, source: "s", date: null, metadata: false });
    expect(ids([mk("baomoi-22", 0), mk("baomoi-3", 1), mk("baomoi-100", 2)])).toEqual(["baomoi-3", "baomoi-22", "baomoi-100"]);
    expect(ids([mk("b-2", 0), mk("a_x", 1), mk("c9", 2)])).toEqual(["b-2", "a_x", "c9"]);
  });

  it("property: every kept date is before today and near its neighbours; metadata is untouched", () => {
    const day = fc.integer({ min: 0, max: 365 * 60 }).map((n) => new Date(Date.UTC(1990, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    const item = fc.record({
      date: fc.option(day, { nil: null }),
      metadata: fc.boolean(),
      clue: fc.option(fc.record({ monthDay: fc.constantFrom("01-01", "02-06", "02-29", "07-03", "12-31"), shift: fc.constantFrom(0, 1) }), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 40 }), day, (raw, today) => {
        const items: DateCheckItem[] = raw.map((x, i) => ({ id: `n-${i}`, order: i, source: "s", ...x, metadata: x.metadata && x.date !== null }));
        const r = checkDates(items, { today });
        for (const it of items) {
          const got = r.get(it.id);
          expect(got).toBeDefined();
          if (it.metadata) expect(got!.date).toBe(it.date! <= today ? it.date : null);
          else if (got!.date) {
            expect(got!.date <= today).toBe(true);
            if (it.date) expect(got!.date).toBe(it.date);
          }
        }
      }),
    );
  });
});
