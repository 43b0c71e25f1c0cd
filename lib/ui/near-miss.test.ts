import { describe, expect, it } from "vitest";
import { listedCount, nearMissNote } from "@/lib/ui/near-miss";
import { pageCount } from "@/lib/ui/pagination";

describe("near misses on the page", () => {
  it("pages cover the full matches and the near misses after them", () => {
    expect(listedCount({ total: 10, totalNearMisses: 3 })).toBe(13);
    expect(pageCount(listedCount({ total: 10, totalNearMisses: 3 }), 10)).toBe(2);
    expect(pageCount(listedCount({ total: 10, totalNearMisses: 0 }), 10)).toBe(1);
  });

  it("says how many results lack a word, and nothing when none does", () => {
    expect(nearMissNote(3)).toBe("3 bài thiếu một từ");
    expect(nearMissNote(1200)).toBe("1.200 bài thiếu một từ");
    expect(nearMissNote(0)).toBeNull();
  });
});
