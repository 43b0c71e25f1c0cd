import { describe, expect, it } from "vitest";
import { findCandidates } from "@/lib/corpus/people";
import { sportRole, sportsPiece } from "@/lib/corpus/sport-piece";

describe("sportsPiece", () => {
  it("reads a player's or a coach's role before a name as a sports piece", () => {
    expect(sportsPiece(findCandidates(["Djokovic thắng sau khi kết hợp cùng HLV Zorvic."]))).toBe(true);
    expect(sportsPiece(findCandidates(["Tiền vệ Wenzel chuyền bóng cho đồng đội."]))).toBe(true);
  });

  it("reads a singles sport's role too, which the judge's reading leaves out", () => {
    const tennis = findCandidates(["Nhà vô địch thua tay vợt Wertheimer ở vòng ba."]);
    expect(sportsPiece(tennis)).toBe(true);
    expect(tennis.some((m) => sportRole(m.before))).toBe(false);
  });

  it("reads a news piece with titles of office as no sports piece", () => {
    expect(sportsPiece(findCandidates(["Tổng thống Donald Trump gặp Ngoại trưởng Rex Tillerson tại Nhà Trắng."]))).toBe(false);
  });
});
