import { describe, expect, it } from "vitest";
import { findCitations, findSources } from "@/lib/corpus/sources";

const ids = (texts: string[]) => findSources(texts).map((s) => s.id);

describe("findSources", () => {
  it("finds agencies behind citing cues and in captions", () => {
    expect(ids(["Theo hãng tin AP, vẫn chưa có gì bảo đảm.", "Ông Ushakov nói với hãng tin Nga Zvezda."])).toEqual(["ap", "zvezda"]);
    expect(ids(["Quan chức Nhà Trắng chia sẻ thêm với đài NBC News rằng cuộc hội đàm diễn ra tốt đẹp."])).toEqual(["nbc-news"]);
    expect(ids(["Hãng thông tấn TASS dẫn lời bà Leavitt.", "Theo RIA, cuộc gặp kéo dài 4 giờ."])).toEqual(["tass", "ria-novosti"]);
    expect(ids(["Tân Hoa Xã đưa tin Bắc Kinh phản đối."])).toEqual(["xinhua"]);
  });
  it("keeps photo credits apart from cited sources", () => {
    const caption = "Cuộc gặp tại Alaska (Ảnh: Reuters).";
    expect(ids([caption])).toEqual([]);
    expect(findCitations([caption]).photoCredits).toEqual([{ id: "reuters", name: "Reuters" }]);
    expect(findCitations(["Ảnh: AP"]).photoCredits.map((s) => s.id)).toEqual(["ap"]);
    // Cited in the text as well: a source, and not listed again as a credit.
    const both = findCitations(["Theo Reuters, cuộc gặp kéo dài 3 giờ.", caption]);
    expect([both.sources.map((s) => s.id), both.photoCredits]).toEqual([["reuters"], []]);
    expect(ids(["(Nguồn: TASS)"])).toEqual(["tass"]);
  });
  it("does not take a person or a bare acronym for a source", () => {
    expect(ids(["Theo ông Kellogg, Tổng thống Trump đang tìm cách đàm phán."])).toEqual([]);
    expect(ids(["Mẫu xe RT mới có giá 1 tỷ đồng, AP là mã sản phẩm."])).toEqual([]);
  });
});
