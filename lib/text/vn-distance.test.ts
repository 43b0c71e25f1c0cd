import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { vnDistance } from "@/lib/text/vn-distance";

describe("vnDistance", () => {
  it("charges half a letter for a tone or a vowel mark", () => {
    expect(vnDistance("hòa", "hóa")).toBe(0.5);
    expect(vnDistance("hòa", "hoa")).toBe(0.5);
    expect(vnDistance("đàm", "dàm")).toBe(0.5);
    expect(vnDistance("cơn", "con")).toBe(0.5);
    expect(vnDistance("cơn", "còn")).toBe(1);
  });

  it("ranks a mark error nearer than a letter error", () => {
    expect(vnDistance("hòa", "hóa")).toBeLessThan(vnDistance("hòa", "khoa"));
    expect(vnDistance("hòa", "khoa")).toBe(1.5);
    expect(vnDistance("bình", "bính")).toBeLessThan(vnDistance("bình", "bìn"));
  });

  it("ignores case and tone placement", () => {
    expect(vnDistance("Hòa", "hoà")).toBe(0);
    expect(vnDistance("thủy", "THUỶ")).toBe(0);
  });

  it("is a symmetric distance, at most the folded letter count apart", () => {
    const word = fc.constantFrom("hòa", "hoa", "bình", "đường", "dương", "khỏe", "Putin", "nguyễn", "ngày", "");
    fc.assert(
      fc.property(word, word, (a, b) => {
        expect(vnDistance(a, b)).toBe(vnDistance(b, a));
        expect(vnDistance(a, b) === 0).toBe(a.toLowerCase().normalize("NFC") === b.toLowerCase().normalize("NFC"));
        expect(vnDistance(a, b)).toBeLessThanOrEqual(Math.max(a.length, b.length) + 0.5);
      }),
    );
  });
});
