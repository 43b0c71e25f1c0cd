import { describe, expect, it } from "vitest";
import { textAfterTitle } from "@/lib/search/derived-title";

const lead = "Ông A cho biết cuộc gặp sẽ diễn ra tuần tới. Hai bên chưa công bố địa điểm.";

describe("textAfterTitle", () => {
  it("drops the first sentence a derived title repeats", () => {
    const a = { title: "Ông A cho biết cuộc gặp sẽ diễn ra tuần tới", titleDerived: true, paragraphs: [lead, "Đoạn hai."] };
    expect(textAfterTitle(a)).toEqual(["Hai bên chưa công bố địa điểm.", "Đoạn hai."]);
  });
  it("continues a title cut short from where it stopped", () => {
    const a = { title: "Ông A cho biết cuộc gặp…", titleDerived: true, paragraphs: [lead] };
    expect(textAfterTitle(a)).toEqual(["… sẽ diễn ra tuần tới. Hai bên chưa công bố địa điểm."]);
  });
  it("goes to the next paragraph when the lead is only the title", () => {
    const a = { title: "Ông A cho biết", titleDerived: true, paragraphs: ["Ông A cho biết.", "Đoạn hai."] };
    expect(textAfterTitle(a)).toEqual(["Đoạn hai."]);
  });
  it("keeps everything for a real headline, or when nothing follows the title", () => {
    const real = { title: "Ông A cho biết cuộc gặp sẽ diễn ra tuần tới", titleDerived: false, paragraphs: [lead] };
    expect(textAfterTitle(real)).toEqual([lead]);
    const only = { title: "Ông A cho biết", titleDerived: true, paragraphs: ["Ông A cho biết."] };
    expect(textAfterTitle(only)).toEqual(["Ông A cho biết."]);
  });
});
