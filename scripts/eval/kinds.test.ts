import { describe, expect, it } from "vitest";
import { kindTable, queryKinds } from "./kinds";

describe("queryKinds", () => {
  it("reads marks, d, length, quotes, places, names and abbreviations from the text alone", () => {
    expect(queryKinds("trung quoc o bien dong")).toEqual([
      "typed without marks",
      "without marks, a word starting with d (đ typed as d?)",
      "3–5 words",
      "a place",
    ]);
    expect(queryKinds('"trạm thu phí BOT"')).toEqual(["typed with marks", "quoted", "3–5 words", "numbers or abbreviations"]);
    expect(queryKinds("Chủ tịch nước Trần Đại Quang thăm Trung Quốc")).toEqual([
      "typed with marks",
      "long (6+ words)",
      "a proper name with capitals (not a listed place)",
      "a Vietnamese full name (family name first, with capitals)",
      "a place",
      "two names and lower-case words between (who did what to whom)",
    ]);
    expect(queryKinds("cong phuong")).toEqual(["typed without marks", "1–2 words"]);
    expect(queryKinds("ao dai nu sinh tphcm")).toEqual([
      "typed without marks",
      "without marks, a word starting with d (đ typed as d?)",
      "3–5 words",
      "a place",
      "numbers or abbreviations",
    ]);
  });

  it("reads a one-syllable place only when the query has marks (`nga` unmarked may be `ngã`)", () => {
    expect(queryKinds("luu duc hoa nga ngua")).not.toContain("a place");
    expect(queryKinds("khủng bố ở Nga")).toContain("a place");
    expect(queryKinds("giao tranh o marawi philippines")).toContain("a place");
  });
});

describe("kindTable", () => {
  it("averages each engine per kind and counts our wins and losses beyond the tie margin", () => {
    const rows = [
      { set: "a", id: "1", q: "cong phuong", scores: { ours: 1, peer: 0.5 } },
      { set: "a", id: "2", q: "gia xang", scores: { ours: 0.5, peer: 0.9 } },
      { set: "a", id: "3", q: "giá xăng", scores: { ours: 0.8, peer: 0.803 } },
    ];
    const t = kindTable(rows, "ours");
    const unmarked = t.find((k) => k.kind === "typed without marks")!;
    expect(unmarked.count).toBe(2);
    expect(unmarked.mean.ours).toBeCloseTo(0.75);
    expect(unmarked.mean.peer).toBeCloseTo(0.7);
    expect(unmarked.record.peer).toEqual([1, 1]);
    expect(t.find((k) => k.kind === "typed with marks")!.record.peer).toEqual([0, 0]);
    // What the peer's lead costs in total (0.4 on one query; the tie of 0.003 is not a loss), and the net.
    expect(unmarked.lost.peer).toBeCloseTo(0.4);
    expect(unmarked.net.peer).toBeCloseTo(0.1);
    expect(t.find((k) => k.kind === "typed with marks")!.lost.peer).toBe(0);
  });

  it("reads dates, months and years, and negations", () => {
    expect(queryKinds("Nga duyệt binh 9/5")).toContain("a date, month or year (9/5, tháng 5, 2017)");
    expect(queryKinds("CPI tháng 5/2017")).toContain("a date, month or year (9/5, tháng 5, 2017)");
    expect(queryKinds("tuyển sinh CAND 2017")).toContain("a date, month or year (9/5, tháng 5, 2017)");
    expect(queryKinds("chặt 1.300 cây xanh")).not.toContain("a date, month or year (9/5, tháng 5, 2017)");
    expect(queryKinds("TPP không có Mỹ")).toContain("a negation (không, chưa, chẳng)");
    expect(queryKinds("le hoi chua huong")).not.toContain("a negation (không, chưa, chẳng)");
    expect(queryKinds("Hàn Quốc sa thải Stielike")).toContain("two names and lower-case words between (who did what to whom)");
    expect(queryKinds("Trần Đại Quang thăm Nga")).toContain("two names and lower-case words between (who did what to whom)");
    expect(queryKinds("Donnarumma từ chối gia hạn")).not.toContain("two names and lower-case words between (who did what to whom)");
  });
});
