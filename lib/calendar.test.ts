import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isCalendarDate } from "@/lib/calendar";

describe("isCalendarDate", () => {
  it("accepts real days, leap days included", () => {
    for (const d of ["2025-08-07", "2024-02-29", "2000-02-29", "1999-12-31"]) expect(isCalendarDate(d)).toBe(true);
  });
  it("rejects impossible days and other spellings", () => {
    for (const d of ["2025-02-29", "1900-02-29", "2025-02-30", "2025-13-01", "2025-00-10", "2025-8-7", "25/4/2025", "", "2025-08-07T00:00"])
      expect(isCalendarDate(d)).toBe(false);
  });
  it("agrees with the calendar for every day of four centuries", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("1900-01-01"), max: new Date("2299-12-31"), noInvalidDate: true }), (d) => {
        expect(isCalendarDate(d.toISOString().slice(0, 10))).toBe(true);
      }),
    );
  });
});
