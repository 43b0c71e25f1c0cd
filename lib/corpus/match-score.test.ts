import { describe, expect, it } from "vitest";
import { besideScore } from "@/lib/corpus/match-score";

/** Whether `name`, as it first stands in `text`, is beside a match score. */
function beside(text: string, name: string): boolean {
  const start = text.indexOf(name);
  return besideScore(text, start, start + name.length);
}

describe("besideScore", () => {
  it("finds the teams of a result, before and after the score", () => {
    const line = "07:45 - 24/05: Santos 4-0 Sporting Cristal 05:30 - 24/05: Nacional Montevideo 0 - 1 Lanus";
    expect(beside(line, "Santos")).toBe(true);
    expect(beside(line, "Sporting Cristal")).toBe(true);
    expect(beside(line, "Nacional Montevideo")).toBe(true);
    expect(beside(line, "Lanus")).toBe(true);
    expect(beside("Shanghai SIPG 2–1 Jiangsu Sainty", "Jiangsu Sainty")).toBe(true);
  });

  it("leaves tennis sets, scorers and statistics to the players", () => {
    expect(beside("Thông số trận đấu Novak Djokovic 6-4, 6-3 Vasek Pospisil 5 Aces", "Novak Djokovic")).toBe(false);
    expect(beside("Thông số trận đấu Novak Djokovic 6-4, 6-3 Vasek Pospisil 5 Aces", "Vasek Pospisil")).toBe(false);
    expect(beside("Andy Murray 7-6(7-1), 6-4, 6-4", "Andy Murray")).toBe(false);
    expect(beside("XSKT Cần Thơ - HAGL 3-0 Nsi 18, Văn Thành 45+1", "Nsi")).toBe(false);
    // Sets without commas, and a paragraph about tennis.
    expect(beside("Federer đánh bại Robin Soderling 6-1 7-6(1) 6-4 để đăng quang.", "Robin Soderling")).toBe(false);
    expect(beside("Nole thua trắng Dominic Thiem 0-6 ở set 3.", "Dominic Thiem")).toBe(false);
    expect(beside("Hoàng Nam thua Sun Fajing 1-2 ở tứ kết đơn nam.", "Sun Fajing")).toBe(false);
    // The same shape in a football report is a team's.
    expect(beside("Chelsea thua Crystal Palace 1-2 ở vòng 31.", "Crystal Palace")).toBe(true);
  });

  it("leaves dates and ranges of units alone", () => {
    expect(beside("Ngày 3-5 Trump tuyên bố", "Trump")).toBe(false);
    expect(beside("Sáng 5-2 Putin đến Minsk", "Putin")).toBe(false);
    expect(beside("Smith 3-5 ngày sau đó trở lại", "Smith")).toBe(false);
    expect(beside("Cars 3 - 9,5 triệu USD", "Cars")).toBe(false);
  });

  it("needs a score, not any number", () => {
    expect(beside("Kevin Durant 30 điểm", "Kevin Durant")).toBe(false);
    expect(beside("Roberto Firmino 27 tuổi", "Roberto Firmino")).toBe(false);
  });
});
