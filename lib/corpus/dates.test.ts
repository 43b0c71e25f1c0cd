import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, articleDate, calendarDate, estimateDate, todayInVietnam, type DateSources } from "@/lib/corpus/dates";

const TODAY = "2026-11-25";
const lead = (...paragraphs: string[]): DateSources => ({ datelines: [], title: null, lead: paragraphs });
const est = (s: DateSources, today = TODAY) => estimateDate(s, today);

describe("calendarDate", () => {
  it("validates calendar days", () => {
    expect(calendarDate(2025, 2, 28)).toBe("2025-02-28");
    expect(calendarDate(2025, 2, 31)).toBeNull();
    expect(calendarDate(2024, 2, 29)).toBe("2024-02-29");
    expect(calendarDate(2025, 13, 1)).toBeNull();
  });
  it("counts today in Vietnam's time zone", () => {
    expect(todayInVietnam(Date.parse("2026-11-25T18:00:00Z"))).toBe("2026-11-26");
    expect(todayInVietnam(Date.parse("2026-11-25T16:59:00Z"))).toBe("2026-11-25");
  });
});

describe("estimateDate: evidence that dates the article itself", () => {
  it("prefers metadata", () => {
    expect(articleDate("2025-08-07", lead("Ngày 6-8, …"))).toMatchObject({ date: "2025-08-07", estimated: false, how: "metadata" });
  });
  it("reads the page's dateline", () => {
    const r = est({ datelines: ["Thứ Hai, 06/02/2017 10:30 (GMT+7)"], title: "Tin", lead: ["Ngày 1/1/2016, …"] });
    expect(r).toMatchObject({ date: "2017-02-06", estimated: true, how: "text" });
  });
  it("reads a full date in the title", () => {
    expect(est({ datelines: [], title: "Kết quả xổ số điện toán Vietlott ngày 6/2/2017", lead: ["Kết quả …"] }).date).toBe("2017-02-06");
  });
  it("reads the lead's full date in several spellings", () => {
    expect(est(lead("Hội nghị diễn ra ngày 25/4/2025 tại Hà Nội.")).date).toBe("2025-04-25");
    expect(est(lead("Sáng 29-12-2016, vụ việc xảy ra.")).date).toBe("2016-12-29");
    expect(est(lead("Vào ngày 25 tháng 4 năm 2025, tại Hà Nội.")).date).toBe("2025-04-25");
  });
  it("keeps a lead's day-month without a year as a clue for the archive check", () => {
    expect(est(lead("Ngày 3-7, tại Hà Nội, Ủy ban Kiểm tra Trung ương đã họp."))).toMatchObject({
      date: null,
      clue: { monthDay: "07-03", shift: 0, years: [] },
      evidence: "Ngày 3-7",
    });
    expect(est(lead("Rạng sáng 18-6, các bác sĩ đã mổ thành công.")).clue).toMatchObject({ monthDay: "06-18", shift: 0 });
    expect(est(lead("Cuối phiên chiều 9.5, thị trường tăng nhẹ.")).clue).toMatchObject({ monthDay: "05-09", shift: 0 });
    expect(est(lead("Theo ghi nhận hôm nay (6/2), giá vàng tăng.")).clue).toMatchObject({ monthDay: "02-06", shift: 0 });
  });
  it("lists the years the text names, for a loose archive check", () => {
    expect(est({ datelines: [], title: "Tin năm 2024", lead: ["Ngày 3-7, họp.", "Từ tháng 1/2025 đến nay."] }).clue?.years).toEqual([2024, 2025]);
  });
  it("counts 'hôm qua (5/2)' as written the day after", () => {
    expect(est(lead("Tối qua (5/2), đội tuyển đã thắng.")).clue).toMatchObject({ monthDay: "02-05", shift: 1 });
    expect(est(lead("Hôm qua (31/12/2016), đội tuyển đã thắng.")).date).toBe("2017-01-01");
  });
  it("takes the day the text calls today over an earlier date", () => {
    expect(est(lead("Ngày 31/5, ông Liên cho biết, từ hôm nay (1/6), giá dịch vụ tăng.")).clue).toMatchObject({ monthDay: "06-01", shift: 0 });
    expect(est(lead("Anh Ba kể, sáng 6/2 anh kéo lưới. Đến sáng nay, 8/2, cá vẫn sống.")).clue).toMatchObject({ monthDay: "02-08" });
  });
  it("takes the first date of the lead, not the latest of the text", () => {
    expect(est(lead("Ngày 6/2/2017, ông A nói. Ngày 9/3/2017 ông B đáp.")).date).toBe("2017-02-06");
  });
  it("looks only at the lead, not dates deep in the article", () => {
    const filler = "Nội dung bài viết không có ngày tháng. ".repeat(30);
    expect(est(lead(filler, "Ngày 6/2/2017, ông A nói.")).date).toBeNull();
  });
});

describe("estimateDate: dates that must not be taken", () => {
  it("ignores bare years, birth years and years the article talks about", () => {
    expect(est(lead("Năm 2017 là năm đáng nhớ. SEA Games 2017 diễn ra tại Malaysia.")).date).toBeNull();
    expect(est(lead("Anh A (sinh ngày 12/3/1995) bị bắt.")).date).toBeNull();
    expect(est(lead("Ông sinh năm 1907, ngày 9/2/1907 là ngày sinh của ông.")).date).toBeNull();
  });
  it("ignores anniversaries and history", () => {
    expect(est(lead("Kỷ niệm 42 năm ngày 30/4/1975, thành phố treo cờ.")).date).toBeNull();
    expect(est(lead("Cách đây 70 năm, ngày 19/12/1946, lời kêu gọi vang lên.")).date).toBeNull();
  });
  it("ignores future plans and announced dates", () => {
    expect(est(lead("Phiên tòa sẽ mở vào ngày 16/2/2017.")).date).toBeNull();
    expect(est(lead("Dự kiến ngày 1/7/2050 dự án hoàn thành.")).date).toBeNull();
    expect(est(lead("Ngày 16/2 tới, phiên tòa mở lại.")).clue).toBeNull();
    expect(est(lead("Chương trình áp dụng đến ngày 25.2 theo Neowin.")).clue).toBeNull();
  });
  it("ignores recounted and earlier-reported events, and deadlines", () => {
    expect(est(lead("Anh Ba kể, sáng 6/2, đang kéo lưới thì thấy cá.")).clue).toBeNull();
    expect(est(lead("Như LĐO đã thông tin, ngày 10.6, công an nhận được tin báo.")).clue).toBeNull();
    expect(est(lead("Theo yêu cầu, trước 16h ngày 9-2, các doanh nghiệp phải tháo dỡ.")).clue).toBeNull();
  });
  it("ignores ranges", () => {
    expect(est(lead("Từ ngày 27/6 đến 30/6/2017, hội nghị diễn ra.")).date).toBeNull();
    expect(est(lead("Ngày 27-6 đến 30-6, hội nghị diễn ra.")).clue).toBeNull();
    expect(est(lead("Trong các ngày 7 và 8/2, lễ hội diễn ra.")).clue).toBeNull();
  });
  it("ignores scores, ratios and amounts", () => {
    expect(est(lead("Năm 2025, đội thắng 9-3 với 6-8 người, tỷ lệ 3/4.")).clue).toBeNull();
  });
  it("rejects impossible days and anything after today", () => {
    expect(est(lead("Ngày 31/2/2017 là ngày không có thật.")).date).toBeNull();
    expect(est(lead("Ngày 31/2, chuyện lạ.")).clue).toBeNull();
    expect(est(lead("Ngày 29/6/2071, ông A nói.")).date).toBeNull();
    expect(est(lead("Ngày 25/11/2026, ông A nói."), "2026-11-24").date).toBeNull();
    expect(est(lead("Ngày 25/11/2026, ông A nói."), "2026-11-25").date).toBe("2026-11-25");
  });
});

describe("estimateDate: properties", () => {
  const dayMonth = fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 14 }), fc.integer({ min: 1890, max: 2110 }));
  const cue = fc.constantFrom("Ngày", "Sáng", "hôm nay (", "Tối qua (", "ngày", "", "sinh ngày", "đến ngày", "sẽ mở ngày");
  const sep = fc.constantFrom("/", "-", ".");
  const today = fc.date({ min: new Date("2000-01-01"), max: new Date("2090-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

  it("never estimates a date after today, and only real calendar days", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(cue, dayMonth, sep, fc.boolean()), { maxLength: 4 }), fc.string({ maxLength: 30 }), today, (parts, noise, t) => {
        const text = parts.map(([c, [d, m, y], s, withYear]) => `${c} ${d}${s}${m}${withYear ? `${s}${y}` : ""}, ${noise}`).join(". ");
        const r = estimateDate({ datelines: [text], title: text, lead: [text] }, t);
        if (r.date) {
          expect(r.date <= t).toBe(true);
          expect(calendarDate(+r.date.slice(0, 4), +r.date.slice(5, 7), +r.date.slice(8, 10))).toBe(r.date);
        }
        if (r.clue) expect(calendarDate(2000, +r.clue.monthDay.slice(0, 2), +r.clue.monthDay.slice(3))).not.toBeNull();
        expect(r.date !== null && r.clue !== null).toBe(false);
      }),
    );
  });

  it("addDays agrees with the calendar", () => {
    expect(addDays("2016-12-31", 1)).toBe("2017-01-01");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
  });
});
