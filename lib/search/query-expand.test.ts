import { describe, expect, it } from "vitest";
import { numberSpellings } from "@/lib/search/query-expand";

describe("numberSpellings", () => {
  it("gives a whole number of 4+ digits its other writings: Vietnamese and English thousands, plain", () => {
    expect(numberSpellings("8.000")).toEqual(["8000", "8,000"]);
    expect(numberSpellings("8,000")).toEqual(["8000", "8.000"]);
    expect(numberSpellings("8000")).toEqual(["8.000", "8,000"]);
    expect(numberSpellings("1.000.000")).toEqual(["1000000", "1,000,000"]);
  });

  it("leaves years, decimals, dates, short numbers and mixed separators alone", () => {
    for (const n of ["2017", "2.017", "7,5", "1.5", "20/11", "25/4/2025", "300", "0123", "1.000,5", "8.00"]) expect(numberSpellings(n)).toEqual([]);
  });
});
