import { describe, expect, it } from "vitest";
import { DERIVED_TITLE_MAX, deriveTitle } from "@/lib/corpus/title";

describe("deriveTitle", () => {
  it("uses the first sentence of the lead, without its final period", () => {
    expect(deriveTitle("Ông Trump gặp ông Putin. Hai bên thảo luận về Ukraine.")).toBe("Ông Trump gặp ông Putin");
  });
  it("cuts a long sentence at a word boundary with an ellipsis", () => {
    const t = deriveTitle(
      "Thông tin trên do một quan chức Nhà Trắng tiết lộ sau khi Đặc phái viên Mỹ Steve Witkoff hội đàm với Tổng thống Nga Vladimir Putin suốt 3 giờ.",
    );
    expect(t.length).toBeLessThanOrEqual(DERIVED_TITLE_MAX);
    expect(t.endsWith("…")).toBe(true);
    expect(t).toBe("Thông tin trên do một quan chức Nhà Trắng tiết lộ sau khi Đặc phái viên Mỹ Steve Witkoff hội đàm với Tổng thống Nga…");
  });
  it("does not split at abbreviations or numbers", () => {
    expect(deriveTitle("Giá vàng tại TP.HCM tăng 3.000 đồng. Sau đó giảm.")).toBe("Giá vàng tại TP.HCM tăng 3.000 đồng");
  });
});
