import { describe, expect, it } from "vitest";
import { searchDescription, searchTitle } from "@/lib/ui/page-meta";

describe("searchTitle / searchDescription", () => {
  it("names the search", () => {
    expect(searchTitle({ q: "Putin" })).toBe("Putin – Tìm tin");
    expect(searchTitle({ q: "" })).toBe("Tìm tin");
    expect(searchDescription({ q: "hòa bình" }, 1234)).toBe("1.234 bài báo cho “hòa bình” trên Tìm tin");
  });
});
