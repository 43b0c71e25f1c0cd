import { describe, expect, it } from "vitest";
import { findSources } from "@/lib/corpus/sources";

const ids = (texts: string[]) => findSources(texts).map((s) => s.id);

describe("findSources", () => {
  it("finds agencies behind citing cues and in captions", () => {
    expect(ids(["Theo hãng tin AP, vẫn chưa có gì bảo đảm.", "Ông Ushakov nói với hãng tin Nga Zvezda."])).toEqual(["ap", "zvezda"]);
    expect(ids(["Quan chức Nhà Trắng chia sẻ thêm với đài NBC News rằng cuộc hội đàm diễn ra tốt đẹp."])).toEqual(["nbc-news"]);
    expect(ids(["Hãng thông tấn TASS dẫn lời bà Leavitt.", "Theo RIA, cuộc gặp kéo dài 4 giờ."])).toEqual(["tass", "ria-novosti"]);
    expect(ids(["Cuộc gặp tại Alaska (Ảnh: Reuters)."])).toEqual(["reuters"]);
    expect(ids(["Tân Hoa Xã đưa tin Bắc Kinh phản đối."])).toEqual(["xinhua"]);
  });
  it("does not take a person or a bare acronym for a source", () => {
    expect(ids(["Theo ông Kellogg, Tổng thống Trump đang tìm cách đàm phán."])).toEqual([]);
    expect(ids(["Mẫu xe RT mới có giá 1 tỷ đồng, AP là mã sản phẩm."])).toEqual([]);
  });
});
