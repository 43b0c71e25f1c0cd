import { describe, expect, it } from "vitest";
import { findOutlet, outletFromName, outletFromUrl } from "@/lib/corpus/outlets";

describe("outlets", () => {
  it("maps URL hosts, subdomains included", () => {
    expect(outletFromUrl("https://vnexpress.net/a-123.html")?.outlet.id).toBe("vnexpress");
    expect(outletFromUrl("http://www.baomoi.com/a/c/21395276.epi")?.outlet.name).toBe("Báo Mới");
    expect(outletFromUrl("https://m.tuoitre.vn/x")?.outlet.id).toBe("tuoi-tre");
    expect(outletFromUrl("https://example.org/x")).toBeNull();
    expect(outletFromUrl("not a url")).toBeNull();
  });
  it("matches a record's outlet name to the table, else slugs it", () => {
    expect(outletFromName("Dân Trí").id).toBe("dan-tri");
    expect(outletFromName("vnexpress.net").id).toBe("vnexpress");
    expect(outletFromName("Báo Địa Phương")).toEqual({ id: "bao-dia-phuong", name: "Báo Địa Phương" });
  });
  it("recognises layouts, and names no outlet without evidence", () => {
    const raw = { id: "x", outlet: null, url: null };
    const tgvn = findOutlet(raw, ["Nhỏ Bình thường Lớn", "Tiêu đề", "Ảnh. (Nguồn: TASS)", "Tin liên quan"]);
    expect(tgvn.outlet?.id).toBe("bao-the-gioi-viet-nam");
    expect(tgvn.how).toMatch(/^layout:/);
    expect(findOutlet(raw, ["Ông Trump và ông Putin tại Alaska (Ảnh: Reuters).", "Nội dung."]).outlet?.id).toBe("dan-tri");
    expect(findOutlet(raw, ["Một bài viết không có dấu hiệu gì."])).toEqual({ outlet: null, how: "none" });
  });
  it("prefers the record's field and the URL", () => {
    expect(findOutlet({ id: "x", outlet: "Tuổi Trẻ", url: "https://vnexpress.net/a" }, []).how).toBe("record");
    expect(findOutlet({ id: "x", outlet: null, url: "https://vnexpress.net/a" }, ["Nhỏ Bình thường Lớn"]).how).toBe("url:vnexpress.net");
  });
});
