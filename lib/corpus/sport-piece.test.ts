import { describe, expect, it } from "vitest";
import { findCandidates } from "@/lib/corpus/people";
import { footballPiece, sportRole, sportsPiece } from "@/lib/corpus/sport-piece";

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

describe("footballPiece", () => {
  it("reads a football role, or scorers' minutes after two names, as a football piece", () => {
    expect(footballPiece(findCandidates(["Tiền vệ Wenzel chuyền bóng cho đồng đội."]))).toBe(true);
    expect(footballPiece(findCandidates(["Ghi bàn: Fagan 76, Đình Bảo 80, Minh Tuấn."]))).toBe(true);
  });

  it("does not read one number after a name as a match, which sportsPiece does", () => {
    const drugs = findCandidates(["Phòng khám bán thuốc Crocin 100, Cefixim cho bệnh nhân."]);
    expect(sportsPiece(drugs)).toBe(true);
    expect(footballPiece(drugs)).toBe(false);
  });
});
