import { describe, expect, it } from "vitest";
import { codes, decimals } from "./number-spellings";

describe("codes", () => {
  it("reads a code joined, hyphenated or spaced under one key", () => {
    expect(codes("U20 và U-20, U 20")).toEqual([
      { key: "u20", form: "joined" },
      { key: "u20", form: "hyphen" },
      { key: "u20", form: "space" },
    ]);
  });

  it("does not read a word and a number, a grouped number or a date as a code", () => {
    expect(codes("năm 20 người, giá 6.300 và ngày 25/4")).toEqual([]);
  });
});

describe("decimals", () => {
  it("tells a comma from a point and a possible date from a decimal", () => {
    expect(decimals("tăng 2,5% và 99.49% ngày 2.4")).toEqual([
      { sep: ",", date: true },
      { sep: ".", date: false },
      { sep: ".", date: true },
    ]);
  });

  it("leaves thousands and full dates alone", () => {
    expect(decimals("8.000 đồng, 1,500 và 25.4.2017")).toEqual([]);
  });
});
