import { describe, expect, it } from "vitest";
import { modelNumberAfter } from "@/lib/corpus/model-number";

const after = (text: string, name: string) => modelNumberAfter(text, text.indexOf(name) + name.length);

describe("modelNumberAfter", () => {
  it("reads a model's number after a name", () => {
    expect(after("Cận cảnh Xiaomi Mi Max 2 vừa trình làng", "Xiaomi Mi Max")).toBe(true);
    expect(after("các xe côn rẻ như Hero Achiever 150 và Honda", "Hero Achiever")).toBe(true);
    expect(after("Phiên bản Ranger Wildtrak 3.2L AT 4x4 có giá", "Ranger Wildtrak")).toBe(true);
    expect(after("Bajaj Pulsar 200NS phiên bản 2017", "Bajaj Pulsar")).toBe(true);
    expect(after("Acer Aspire 11: Có sẵn các màu", "Acer Aspire")).toBe(true);
  });
  it("leaves out numbers that count or measure a person's things, years, scores and list numbers", () => {
    expect(after("Daria Zembitskaya 27 tuổi là kỹ sư", "Daria Zembitskaya")).toBe(false);
    expect(after("Rihanna 14 đề cử, The Weeknd", "Rihanna")).toBe(false);
    expect(after("Ronaldo 88 triệu USD, Messi", "Ronaldo")).toBe(false);
    expect(after("Dolgopolov 1,05 nghìn USD/phút, Kyrgios 696 USD/phút", "Kyrgios")).toBe(false);
    expect(after("đánh bại Dominic Thiem 2-0: 7-6", "Dominic Thiem")).toBe(false);
    expect(after("bà Marine Le Pen 13,2 %. Tỷ lệ", "Marine Le Pen")).toBe(false);
    expect(after("- Mark Turain 5. Khi cuộc sống", "Mark Turain")).toBe(false);
    expect(after("Ngoại trừ tôi” Jennifer Lawrence 1.Jennifer Aniston: “Trong", "Jennifer Lawrence")).toBe(false);
    expect(after("Ayu Gani 1m73 - Tawan 1m77", "Ayu Gani")).toBe(false);
    expect(after("công của Suarez 43'. Những nỗ lực", "Suarez")).toBe(false);
    expect(after("Roland Garros 2017 khởi tranh", "Roland Garros")).toBe(false);
    expect(after("Ông Donald Trump nói", "Donald Trump")).toBe(false);
    expect(after("Andy Murray 6-1, 6-4 Alexander Bublik 3 Aces 15 2 Lỗi kép", "Alexander Bublik")).toBe(false);
    expect(after("hơn Serena Williams 1 danh hiệu) vừa", "Serena Williams")).toBe(false);
    expect(after("Agnieszka Radwanska 20:00 Sorana Cirstea", "Agnieszka Radwanska")).toBe(false);
  });
});
