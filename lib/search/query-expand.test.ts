import { describe, expect, it } from "vitest";
import { dateSpellings, numberSpellings } from "@/lib/search/query-expand";

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

describe("dateSpellings", () => {
  it("gives a day and month (and year) written with slashes its writing with dots, and the reverse", () => {
    expect(dateSpellings("2/9")).toEqual(["2.9"]);
    expect(dateSpellings("2.9")).toEqual(["2/9"]);
    expect(dateSpellings("30/04")).toEqual(["30.04"]);
    expect(dateSpellings("25/4/2017")).toEqual(["25.4.2017"]);
    expect(dateSpellings("25.4.2017")).toEqual(["25/4/2017"]);
  });

  it("leaves what cannot be a date alone: decimals with a comma, thousands, days or months out of range, mixed separators", () => {
    for (const n of ["7,5", "8.000", "1.45", "13/13", "32.1", "0/5", "5/0", "25/4.2017", "2017", "u23"]) expect(dateSpellings(n)).toEqual([]);
  });
});
