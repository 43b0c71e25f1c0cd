import { describe, expect, it } from "vitest";
import { deleteLetter, mulberry32, stripMarks, swapTone } from "./queries";
import { topTen, reciprocalRank } from "./metrics";

describe("eval query variants", () => {
  it("swaps tone placement both ways, only where the styles differ", () => {
    expect(swapTone("hòa")).toBe("hoà");
    expect(swapTone("hoà")).toBe("hòa");
    expect(swapTone("Thủy")).toBe("Thuỷ");
    expect(swapTone("khoẻ")).toBe("khỏe");
    expect(swapTone("quý")).toBeNull();
    expect(swapTone("hoàng")).toBeNull();
    expect(swapTone("hoa")).toBeNull();
  });

  it("strips marks and deletes one letter reproducibly", () => {
    expect(stripMarks("Đường hòa bình")).toBe("Duong hoa binh");
    const a = deleteLetter("Tổng thống Donald Trump", mulberry32(1));
    expect(a).toBe(deleteLetter("Tổng thống Donald Trump", mulberry32(1)));
    expect(a.length).toBe("Tổng thống Donald Trump".length - 1);
  });

  it("ranks", () => {
    const top = topTen(new Map([["a", 1], ["b", 3], ["c", 2]]));
    expect(top).toEqual(["b", "c", "a"]);
    expect(reciprocalRank(top, "c")).toBe(0.5);
  });
});
