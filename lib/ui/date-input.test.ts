import { describe, expect, it } from "vitest";
import { isoToTyped, maskTyped, parseTyped } from "@/lib/ui/date-input";

/** Types `keys` one at a time, as a person would. */
const typeKeys = (keys: string) => [...keys].reduce((text, key) => maskTyped(text, text + key), "");

describe("maskTyped", () => {
  it("adds the slashes while digits are typed", () => {
    expect(typeKeys("01082025")).toBe("01/08/2025");
    expect(typeKeys("0108")).toBe("01/08/");
    expect(typeKeys("01/08/2025")).toBe("01/08/2025");
  });
  it("does not re-add a slash on Backspace, and formats pasted digits", () => {
    expect(maskTyped("01/", "01")).toBe("01");
    expect(maskTyped("", "01082025")).toBe("01/08/2025");
  });
  it("never runs past ten characters", () => {
    expect(typeKeys("0108202599")).toBe("01/08/2025");
  });
});

describe("parseTyped", () => {
  it("reads day/month/year, not month/day", () => {
    expect(parseTyped("01/08/2025")).toEqual({ kind: "date", iso: "2025-08-01" });
    expect(parseTyped("1/8/2025")).toEqual({ kind: "date", iso: "2025-08-01" });
    expect(parseTyped("01082025")).toEqual({ kind: "date", iso: "2025-08-01" });
  });
  it("waits while a date is being typed", () => {
    for (const text of ["0", "01/", "01/08/", "01/08/2", "01/08/202"]) expect(parseTyped(text).kind).toBe("partial");
    expect(parseTyped("  ").kind).toBe("empty");
  });
  it("refuses impossible or garbled dates", () => {
    expect(parseTyped("31/02/2025").kind).toBe("invalid");
    expect(parseTyped("13/13/2025").kind).toBe("invalid");
    expect(parseTyped("hôm qua").kind).toBe("invalid");
  });
  it("round-trips the URL's dates", () => {
    expect(parseTyped(isoToTyped("2024-02-29"))).toEqual({ kind: "date", iso: "2024-02-29" });
    expect(isoToTyped(null)).toBe("");
  });
});
