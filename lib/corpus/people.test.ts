import { describe, expect, it } from "vitest";
import { findPeople, nameKey, sameVariant } from "@/lib/corpus/people";

const names = (...texts: string[]) => findPeople(texts).map((p) => p.name);
const idsOf = (...texts: string[]) => findPeople(texts).map((p) => p.id);

describe("findPeople", () => {
  it("reads names after titles, without the country or body in front", () => {
    expect(names("Tổng thống Nga Vladimir Putin hội đàm với Đặc phái viên Mỹ Steve Witkoff.")).toEqual(["Vladimir Putin", "Steve Witkoff"]);
    expect(names("Thư ký Báo chí Nhà Trắng Karoline Leavitt cho biết.")).toEqual(["Karoline Leavitt"]);
    expect(names("Người phát ngôn Điện Kremlin Dmitry Peskov nói.")).toEqual(["Dmitry Peskov"]);
  });
  it("works for names it has never seen", () => {
    expect(names("Bộ trưởng Ngoại giao Peru Rufus Firefly và Đại sứ Ambrose Chapel gặp nhau.")).toEqual(["Rufus Firefly", "Ambrose Chapel"]);
    expect(names("Chị Bùi Thanh Tâm, phụ huynh tại Q.3, lo lắng. Chị Tâm cho biết thêm.")).toEqual(["Bùi Thanh Tâm"]);
    expect(names("Tổng Bí thư Nguyễn Phú Trọng tiếp Thủ tướng Phạm Minh Chính.")).toEqual(["Nguyễn Phú Trọng", "Phạm Minh Chính"]);
  });
  it("resolves surname-only mentions within the article and merges spellings", () => {
    expect(names("Ông Donald Trump phát biểu. Sau đó ông Trump rời đi.")).toEqual(["Donald Trump"]);
    expect(idsOf("Trợ lý Yury Ushakov nói.", "Ông Yuri Ushakov cho biết.")).toEqual(["yuri-ushakov"]);
    expect(idsOf("Ngoại trưởng Nga Sergey Lavrov.")).toEqual(["sergei-lavrov"]);
    expect(names("HLV Nguyễn Bảo Quân nói. HLV Bảo Quân cho biết thêm.")).toEqual(["Nguyễn Bảo Quân"]);
  });
  it("never counts places, bodies, brands or streets", () => {
    expect(names("Nhà Trắng, Điện Kremlin, NATO, Truth Social, NBC News, Moscow, Ukraine và EU.")).toEqual([]);
    expect(names("Trường THCS Nguyễn Du nằm trên đường Nguyễn Trãi, TP Hồ Chí Minh.")).toEqual([]);
    expect(names("Sanna Khánh Hòa thua đậm. Các cầu thủ Sanna Khánh Hòa buồn bã.")).toEqual([]);
  });
  it("keys names by folded spelling", () => {
    expect(nameKey(["Zelenskyy"])).toBe(nameKey(["Zelensky"]));
    expect(nameKey(["Nguyễn", "Đức", "Thùy", "Dung"])).toBe("nguyen duc thuy dung");
  });
});

describe("findPeople on calendar words", () => {
  it("does not take lunar years or deities for people", () => {
    expect(names("Trong năm Đinh Dậu, người tuổi Thìn hợp Thái Tuế. Ngày vía Thần Tài, ông Nguyễn Văn Kết mở hàng.")).toEqual(["Nguyễn Văn Kết"]);
  });
});

describe("findPeople on the error kinds of issue #16", () => {
  it("leaves out bylines, photo credits and names cut at an initial", () => {
    expect(names("Ông Nguyễn Văn Thắng phát biểu.", "Linfield thắng 1-0 trước Fiorita./. Hoàng Yến/VOV.VN")).toEqual(["Nguyễn Văn Thắng"]);
    expect(names("Thí sinh dự thi. Ảnh: Đinh Tuấn. Đây là tài liệu.", "Kết quả sẽ có sau. Lưu Hoài (T/h)")).toEqual([]);
    expect(names("Anh Nguyễn Cao Q. (25 tuổi) tử vong. Máy bay Gulfstream G-550 hạ cánh.")).toEqual([]);
  });
  it("reads a title before an acronym of the body, and titles only people take", () => {
    expect(names("Phát ngôn viên FBI Ron Hopper cho biết.")).toEqual(["Ron Hopper"]);
    expect(names("Thứ trưởng Bộ GD-ĐT Bùi Văn Ga nói.")).toEqual(["Bùi Văn Ga"]);
    expect(names("Thái tử Salman tiếp khách. Công chúa Mako đính hôn.")).toEqual(["Salman", "Mako"]);
    expect(names("Phó Thủ tướng Trương Hòa Bình chỉ đạo.")).toEqual(["Trương Hòa Bình"]);
    expect(names("HLV Barca lên tiếng.")).toEqual([]);
  });
  it("takes players named by their given names when listed with people", () => {
    expect(names("Hàng tiền vệ có Quang Hải, Văn Toàn, Thanh Tùng, Đức Huy và Hồng Duy.")).toEqual([
      "Quang Hải",
      "Văn Toàn",
      "Thanh Tùng",
      "Đức Huy",
      "Hồng Duy",
    ]);
  });
  it("merges a foreign name misspelt by two swapped letters", () => {
    expect(sameVariant("moon jae in", "moon jea in", ["Moon", "Jae", "In"], ["Moon", "Jea", "In"])).toBe(true);
    expect(names("Ông Rufus Firefly phát biểu. Trợ lý của ông Rufus Firelfy nói.")).toEqual(["Rufus Firefly"]);
  });
});
