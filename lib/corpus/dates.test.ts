import { describe, expect, it } from "vitest";
import { articleDate, calendarDate, estimateDate } from "@/lib/corpus/dates";

describe("calendarDate", () => {
  it("validates calendar days", () => {
    expect(calendarDate(2025, 2, 28)).toBe("2025-02-28");
    expect(calendarDate(2025, 2, 31)).toBeNull();
    expect(calendarDate(2024, 2, 29)).toBe("2024-02-29");
    expect(calendarDate(2025, 13, 1)).toBeNull();
  });
});

describe("estimateDate", () => {
  it("prefers metadata", () => {
    expect(articleDate("2025-08-07", "ngày 6-8")).toMatchObject({ date: "2025-08-07", estimated: false, how: "metadata" });
  });
  it("reads full dates in several spellings", () => {
    expect(estimateDate("Hội nghị diễn ra ngày 25/4/2025 tại Hà Nội.").date).toBe("2025-04-25");
    expect(estimateDate("Vụ việc xảy ra ngày 29-12-2016.").date).toBe("2016-12-29");
    expect(estimateDate("vào ngày 25 tháng 4 năm 2025").date).toBe("2025-04-25");
  });
  it("takes a missing year from the text's other years, and the latest date", () => {
    const r = estimateDate("Kể từ khi trở lại Nhà Trắng vào tháng 1/2025, ông Trump... Ông Lavrov hôm 24/4 tuyên bố... vào ngày 25/4 (giờ địa phương).");
    expect(r).toMatchObject({ date: "2025-04-25", estimated: true, how: "text" });
  });
  it("reads dashed dates only after a day word, so ranges and scores are not dates", () => {
    expect(estimateDate("Năm 2025, ông Putin gặp ông Witkoff vào ngày 6-8.").date).toBe("2025-08-06");
    expect(estimateDate("Năm 2025, đội thắng 9-3 với 6-8 người.").date).toBeNull();
  });
  it("is null when no year is given, and rejects impossible days", () => {
    expect(estimateDate("Ngày 11/4, ông Witkoff tới Nga.")).toMatchObject({ date: null, how: "none" });
    expect(estimateDate("Năm 2025. Ngày 31/2 là ngày không có thật.").date).toBeNull();
  });
  it("ignores birth years and announced future dates", () => {
    expect(estimateDate("Anh A (sinh năm 1995) bị bắt hôm 17/6. Năm 2017 là năm đáng nhớ.").date).toBe("2017-06-17");
    expect(estimateDate("Ngày 1/2/2017 ông nói phiên tòa sẽ mở ngày 16/2 tới.").date).toBe("2017-02-01");
  });
});
