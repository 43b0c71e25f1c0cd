import { describe, expect, it } from "vitest";
import { FEATURES, leaveOneSetOut, perSet, rerank, typedDays, type Page, type ScreenQuery } from "./rerank";

const page = (id: string, score: number, title: string, over: Partial<Page> = {}): Page => ({
  id,
  score,
  tier: 0,
  title: title.split(" "),
  titleTerms: title.split(" "),
  lead: [],
  body: [],
  paras: [],
  day: null,
  ...over,
});

const query = (set: string, id: string, pages: Page[], grades: ScreenQuery["grades"]): ScreenQuery => ({
  set,
  id,
  q: "gia xang tang",
  words: ["gia", "xang", "tang"],
  idf: new Map([
    ["gia", 1],
    ["xang", 3],
    ["tang", 1],
  ]),
  grades,
  pages,
});

describe("rerank", () => {
  it("adds w × feature to the score; near misses listed after the full matches stay after", () => {
    const q = query(
      "a",
      "1",
      [page("long", 10, "gia xang tang manh nguoi dan lo lang ve gia ca"), page("short", 9, "gia xang tang"), page("near", 20, "gia xang", { tier: 1 })],
      { short: 2, long: 1 },
    );
    expect(rerank(q, FEATURES.titleFit.f, 0)).toEqual(["long", "short", "near"]);
    // titleFit: 4/11 for "long", 1 for "short": a weight of 2 turns them.
    expect(rerank(q, FEATURES.titleFit.f, 2)).toEqual(["short", "long", "near"]);
  });

  it("chooses each left-out set's weight on the other sets only", () => {
    // Set a gains from the feature, sets b and c lose: b's and c's left-out weight comes from a and the other loser.
    const gains = query("a", "1", [page("x", 10, "x"), page("y", 9, "gia xang tang")], { y: 2 });
    const loses = (set: string) => query(set, set, [page("x", 10, "gia xang tang tin"), page("y", 9, "gia xang tang")], { x: 2 });
    const queries = [gains, loses("b"), loses("c")];
    expect(perSet(queries, FEATURES.titleFit.f, 5).get("a")).toBe(1);
    const cv = leaveOneSetOut(queries, FEATURES.titleFit.f, [5]);
    expect(cv.chosen).toEqual({ a: 0, b: 0, c: 0 });
    // Left out, a is scored without the feature (its own gain is not seen): 1/log2(3) for y at rank 2.
    expect(cv.mean).toBeCloseTo((1 / Math.log2(3) + 1 + 1) / 3);
  });

  it("reads the share of the query's names (typed with a capital or a digit) that the title lacks", () => {
    const q = { ...query("a", "1", [], {}), q: "Iran bắn tên lửa Syria", words: ["iran", "ban", "ten", "lua", "syria"] };
    expect(FEATURES.namesInTitle.f(q, page("p", 1, "iran phong ten lua vao syria"))).toBe(-0);
    expect(FEATURES.namesInTitle.f(q, page("p", 1, "tau ngam nga ban ten lua vao syria"))).toBe(-0.5);
    expect(FEATURES.namesInTitle.f({ ...q, q: "iran ban ten lua" }, page("p", 1, "x"))).toBe(0);
  });

  it("reads a preview in the title unless the query says it too", () => {
    const q = query("a", "1", [], {});
    expect(FEATURES.notPreview.f(q, page("p", 1, "x", { titleTerms: ["giá", "xăng", "sẽ", "tăng"] }))).toBe(-1);
    expect(FEATURES.notPreview.f({ ...q, q: "giá xăng sẽ tăng" }, page("p", 1, "x", { titleTerms: ["sẽ"] }))).toBe(0);
  });

  it("reads the days a query names: a month after `tháng`, a day and month", () => {
    const day = (m: number, d: number) => Math.floor(Date.UTC(2017, m - 1, d) / 86_400_000);
    expect(typedDays("fed tang lai suat thang 6", 2017)).toEqual([day(6, 1), day(6, 30) + 15]);
    expect(typedDays("CPI tháng 5/2017", 2016)).toEqual([day(5, 1), day(5, 31) + 15]);
    expect(typedDays("Nga duyệt binh 9/5", 2017)).toEqual([day(5, 9) - 7, day(5, 9) + 3]);
    // A number not after `tháng`, a month out of range: no day named.
    expect(typedDays("300 ca khúc trước 1975", 2017)).toBeNull();
    expect(typedDays("tháng 13 năm 6", 2017)).toBeNull();
    const q = { ...query("a", "1", [], {}), q: "CPI tháng 5" };
    expect(FEATURES.dateNear.f(q, page("p", 1, "x", { day: day(6, 10) }))).toBeCloseTo(0);
    expect(FEATURES.dateNear.f(q, page("p", 1, "x", { day: day(6, 30) }))).toBe(-0.5);
    expect(FEATURES.dateNear.f(q, page("p", 1, "x", { day: null }))).toBe(0);
  });

  it("reads the query's rarest word as the subject: in the title, or named often in the text", () => {
    const q = query("a", "1", [], {});
    // `xang` is the rarest word (idf 3).
    expect(FEATURES.rarestSubject.f(q, page("p", 1, "xang dau"))).toBe(1);
    expect(FEATURES.rarestSubject.f(q, page("p", 1, "gia tang", { lead: ["xang"], body: ["xang", "xang"] }))).toBe(0.6);
    expect(FEATURES.rarestSubject.f(q, page("p", 1, "gia tang", { body: Array(7).fill("xang") }))).toBe(1);
  });

  it("pushes a story's copies down, and reads the query's pairs in the lead", () => {
    const q = query("a", "1", [page("a", 3, "gia xang tang manh"), page("b", 2, "gia xang tang manh nay"), page("c", 1, "vang giam")], {});
    expect(q.pages.map((p) => FEATURES.copyBelow.f(q, p))).toEqual([0, -1, 0]);
    const lead = (words: string) => page("p", 1, "x", { lead: words.split(" ") });
    expect(FEATURES.leadPairs.f(q, lead("hom nay gia xang tang"))).toBe(1);
    expect(FEATURES.leadPairs.f(q, lead("gia xang giam con gia vang tang"))).toBe(0.5);
  });
});

describe("screenView", () => {
  it("keeps our first N only, and drops unjudged articles first when asked", async () => {
    const { screenView } = await import("./rerank");
    const q = query("a", "1", [page("x", 3, "a"), page("unjudged", 2, "b"), page("y", 1, "c")], { x: 1, y: 2 });
    expect(screenView([q], { within: 2 })[0].pages.map((p) => p.id)).toEqual(["x", "unjudged"]);
    expect(screenView([q], { within: 2, judged: true })[0].pages.map((p) => p.id)).toEqual(["x", "y"]);
    expect(screenView([q], {})[0].pages).toHaveLength(3);
  });
});
