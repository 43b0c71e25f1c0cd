import { describe, expect, it } from "vitest";
import { findPeople, nameKey } from "@/lib/corpus/people";

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
