import { describe, expect, it } from "vitest";
import { formatDateVi, formatMonthVi } from "@/lib/format";

describe("Vietnamese date formats", () => {
  it("formats calendar dates without shifting the day", () => {
    expect(formatDateVi("2025-08-07")).toBe("7 tháng 8, 2025");
    expect(formatDateVi("2025-12-31")).toBe("31 tháng 12, 2025");
  });
  it("formats months", () => {
    expect(formatMonthVi("2025-08")).toBe("tháng 8 năm 2025");
  });
});
