import { describe, expect, it } from "vitest";
import { englishLevel } from "@/lib/corpus/english-words";

describe("englishLevel", () => {
  it("ranks common English words below rarer ones, and names as none", () => {
    expect(englishLevel("young")).toBe(10);
    expect(englishLevel("football")).toBe(20);
    expect(englishLevel("schwartzman")).toBe(0);
  });
});
