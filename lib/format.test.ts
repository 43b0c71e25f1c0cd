import { describe, expect, it } from "vitest";
import { formatCountVi, formatDateVi, formatMonthVi } from "@/lib/format";

describe("Vietnamese date formats", () => {
  it("writes day/month/year, the Vietnamese order, without shifting the day", () => {
    expect(formatDateVi("2025-08-07")).toBe("7/8/2025");
    expect(formatDateVi("2025-12-31")).toBe("31/12/2025");
    expect(formatDateVi("2026-01-01")).toBe("1/1/2026");
  });
  it("writes months in the same style", () => {
    expect(formatMonthVi("2025-08")).toBe("tháng 8/2025");
  });
});

describe("formatCountVi", () => {
  it("groups thousands with a dot, as Vietnamese readers write them", () => {
    expect(formatCountVi(7)).toBe("7");
    expect(formatCountVi(12000)).toBe("12.000");
    expect(formatCountVi(35431)).toBe("35.431");
  });
});
