import { describe, expect, it } from "vitest";
import { lineUpItems } from "@/lib/corpus/line-ups";

/** The items' texts, in order. */
const items = (text: string) => {
  const at = lineUpItems(text);
  const out: string[] = [];
  for (let i = 0; i < at.length; i += 2) out.push(text.slice(at[i], at[i + 1]));
  return out;
};

describe("lineUpItems", () => {
  it("reads a line-up after its header, substitutes in brackets with their minutes, team labels left out", () => {
    const text = "Đội hình thi đấu Lorvania: Abelkin; Torvesk (Drabov 74'), Mirask, Zoltevski; Kalinov (Pesk 46'), Vardi. Ostrana: Quell; Amberlin.";
    expect(items(text)).toEqual(["Abelkin", "Torvesk", "Drabov", "Mirask", "Zoltevski", "Kalinov", "Pesk", "Vardi", "Quell", "Amberlin"]);
  });

  it("takes a formation as a header and keeps initials and particles inside an item", () => {
    const text = "Dự đoán: 1-3. Rovers (4-3-3): Dell; A. Williams, S.Roberto, Van der Kolk, Brant – Ozzel, Fenn.";
    expect(items(text)).toEqual(["Dell", "A. Williams", "S.Roberto", "Van der Kolk", "Brant", "Ozzel", "Fenn"]);
  });

  it("takes a team's 'Dự kiến:' (expected line-up) as a header, not a lowercase 'dự kiến:' or one inside a sentence", () => {
    const text = "Thông tin trước trận Rovers Dự kiến: Kameno - Ricardi, Delmas, Orvek - Fenn. Ostrana Dự kiến: Quell - Amberlin, Torvesk.";
    expect(items(text)).toEqual(["Kameno", "Ricardi", "Delmas", "Orvek", "Fenn", "Quell", "Amberlin", "Torvesk"]);
    expect(items("Giá dự kiến: Khoảng 700 USD, Bản A, Bản B, Bản C.")).toEqual([]);
    expect(items("Dự kiến: Nhà A, Nhà B, Nhà C sẽ xây xong.")).toEqual([]);
  });

  it("ends the list where prose resumes, leaving out the prose's subject", () => {
    const text = "Đội hình dự kiến: Kameno, Ricardi, Delmas, Orvek. Thông tin lực lượng cho thấy Orvek đá chính.";
    expect(items(text)).toEqual(["Kameno", "Ricardi", "Delmas", "Orvek"]);
    // "Barcova đang …": a sentence after the header, not a list.
    expect(items("Đội hình dự kiến: Barcova đang có phong độ cao, Lenta và Mirko cũng vậy.")).toEqual([]);
  });

  it("goes on over a full stop typed for a semicolon, not over one that ends the list", () => {
    expect(items("Đội hình: Kameno; Ricardi, Delmas; Camaro. Recko, Fornel, Jonas.")).toEqual([
      "Kameno",
      "Ricardi",
      "Delmas",
      "Camaro",
      "Recko",
      "Fornel",
      "Jonas",
    ]);
    expect(items("Đội hình: Kameno; Ricardi, Delmas. Một số hình ảnh của trận đấu.")).toEqual(["Kameno", "Ricardi", "Delmas"]);
  });

  it("reads position labels, also glued after a name", () => {
    const text = "Thủ môn: Petr Vales Hậu vệ phải: Belrin Trung vệ: Koslev Tiền đạo: Sanzo";
    expect(items(text)).toEqual(["Petr Vales", "Belrin", "Koslev", "Sanzo"]);
  });

  it("reads scorers with their minutes, and a bracket without a minute is no item", () => {
    expect(items("Ghi bàn: Ostrana: Durvo (43'); Toiven (90'+3) Lorvania: Gerald (37')")).toEqual(["Durvo", "Toiven", "Gerald"]);
    expect(items("Thủ môn: Pier Gollan (Atalanta), Simon Scuff (Udinese), Alex Mern (Bologna)")).toEqual(["Pier Gollan", "Simon Scuff", "Alex Mern"]);
  });

  it("needs a header and three items", () => {
    expect(items("Các cầu thủ Kameno, Ricardi, Delmas và Orvek đều có mặt.")).toEqual([]);
    expect(items("Đội hình: Kameno, Ricardi.")).toEqual([]);
    expect(items("Không có dấu hai chấm ở đây")).toEqual([]);
  });
});
