import { describe, expect, it } from "vitest";
import { compareVi, mostFrequentFirst } from "@/lib/text/vi-order";

describe("compareVi", () => {
  it("puts Đ after D and marked letters beside their base", () => {
    expect(["Đức", "Dũng", "Anh", "Ân", "Bình"].sort(compareVi)).toEqual(["Anh", "Ân", "Bình", "Dũng", "Đức"]);
  });
});

describe("mostFrequentFirst", () => {
  it("orders by count, then alphabetically", () => {
    const values = [
      { name: "Đức", count: 2 },
      { name: "Bình", count: 5 },
      { name: "Dũng", count: 2 },
    ];
    const order = mostFrequentFirst<(typeof values)[number]>(
      (v) => v.count,
      (a, b) => compareVi(a.name, b.name),
    );
    expect([...values].sort(order).map((v) => v.name)).toEqual(["Bình", "Dũng", "Đức"]);
  });
});
