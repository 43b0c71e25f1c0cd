import { describe, expect, it } from "vitest";
import { captionCredit, cleanBody, isDoubledHeadline, isPageTitleLine, splitTrailingByline } from "@/lib/corpus/clean";

describe("isDoubledHeadline", () => {
  it("recognises a headline printed twice on one line, or with a doubled prefix", () => {
    expect(isDoubledHeadline("Ukraine khẳng định sẵn sàng Ukraine khẳng định sẵn sàng")).toBe(true);
    expect(isDoubledHeadline("Nga kêu gọi Ukraine Nga kêu gọi Ukraine 'hạ vũ khí' để kết thúc chiến sự")).toBe(true);
    expect(isDoubledHeadline("Nga Nga 'sẵn sàng đạt thỏa thuận' với Mỹ")).toBe(true);
  });
  it("leaves ordinary text alone", () => {
    expect(isDoubledHeadline("Dần dần mọi người đều hiểu ra vấn đề.")).toBe(false);
    expect(isDoubledHeadline("Ông Trump nói với các phóng viên tại Nhà Trắng.")).toBe(false);
  });
});

describe("captionCredit", () => {
  it("reads the credit of a caption", () => {
    expect(captionCredit("Tổng thống Putin và ông Trump. Ảnh: The Nightly")).toBe("The Nightly");
    expect(captionCredit("Cuộc gặp tại Alaska vào tháng 8 (Ảnh: Reuters).")).toBe("Reuters");
    expect(captionCredit("Ông Witkoff hội kiến ông Putin ngày 11/4. (Nguồn: TASS)")).toBe("TASS");
  });
  it("does not take a long paragraph for a caption", () => {
    expect(captionCredit(`${"Một đoạn văn dài. ".repeat(30)}Ảnh: Reuters`)).toBeNull();
  });
});

describe("isPageTitleLine", () => {
  it("tells a short headline before the lead from the lead itself", () => {
    const lead = "Điện Kremlin cho biết, cuộc hội đàm giữa hai bên đã đưa lập trường của hai bên gần nhau hơn.";
    expect(isPageTitleLine("Nga - Mỹ thảo luận khả năng đối thoại trực tiếp với Ukraine", lead)).toBe(true);
    expect(isPageTitleLine(lead, "Đoạn tiếp theo của bài viết, dài hơn một chút so với đoạn đầu.")).toBe(false);
  });
});

describe("splitTrailingByline", () => {
  it("cuts an author's name glued after the last sentence", () => {
    expect(splitTrailingByline("Bộ phim khởi chiếu từ 24/2 tới. Dương Di")).toEqual({ text: "Bộ phim khởi chiếu từ 24/2 tới.", byline: "Dương Di" });
    expect(splitTrailingByline("Vụ việc đang được làm rõ. (Theo Công an TP.HCM)").byline).toBe("(Theo Công an TP.HCM)");
  });
  it("keeps a paragraph that ends with a sentence", () => {
    expect(splitTrailingByline("Ông Trump nói. Sau đó ông rời đi.").byline).toBeNull();
  });
});

describe("cleanBody", () => {
  const body = [
    "Nhỏ Bình thường Lớn",
    "Tiêu đề của bài viết về hội đàm Nga Mỹ",
    "Đoạn mở đầu của bài viết, nói về cuộc hội đàm giữa hai bên tại Moscow hôm qua.",
    "Tiêu đề của bài viết về hội đàm Nga Mỹ",
    "Hai nhà lãnh đạo bắt tay. (Nguồn: TASS)",
    "Tin liên quan",
    "Một tin khác về Ukraine Một tin khác về Ukraine",
    "Đoạn thứ hai của bài viết, vẫn là nội dung chính của bài báo.",
    "Đoạn thứ ba của bài viết.",
    "Tin thế giới ngày 11/4: Trung Quốc viện trợ Myanmar, Pháp công nhận Palestine",
    "Tin thế giới ngày 11/4: Trung Quốc viện trợ Myanmar, Pháp công nhận Palestine",
    "Mỹ cắt giảm chi tiêu quốc phòng, Australia tiết lộ ...",
    "Elon Musk lập kỷ lục tài sản",
    "Elon Musk lập kỷ lục tài sản",
    "Tỷ phú Elon Musk trở thành người đầu tiên sở hữu 600 tỷ USD.",
    "Xem thêm",
  ].join("\n\n");

  it("keeps the article and drops chrome, captions, the repeated title and the trailing list", () => {
    const c = cleanBody(body, null);
    expect(c.pageTitle).toBe("Tiêu đề của bài viết về hội đàm Nga Mỹ");
    expect(c.paragraphs).toEqual([
      "Đoạn mở đầu của bài viết, nói về cuộc hội đàm giữa hai bên tại Moscow hôm qua.",
      "Đoạn thứ hai của bài viết, vẫn là nội dung chính của bài báo.",
      "Đoạn thứ ba của bài viết.",
    ]);
    expect(c.paragraphs.join(" ")).not.toMatch(/Musk|Myanmar/);
    expect(c.credits).toContain("Hai nhà lãnh đạo bắt tay. (Nguồn: TASS)");
    const reasons = c.dropped.map((d) => d.reason);
    expect(reasons).toContain("chrome");
    expect(reasons).toContain("repeated-title");
    expect(reasons.filter((r) => r === "related-list")).toHaveLength(7);
  });

  it("never empties a page whose first line looks like a link", () => {
    const c = cleanBody("Bản tin sáng 2/7: Atletico chi 40 triệu bảng\nNội dung chính của bản tin.", "Tin HOT sáng 2/7");
    expect(c.paragraphs.length).toBeGreaterThan(0);
  });

  it("drops a last paragraph that is only a credit or an author's name", () => {
    expect(cleanBody("Nội dung bài viết.\nTheo VTC14", "T").paragraphs).toEqual(["Nội dung bài viết."]);
    expect(cleanBody("Nội dung bài viết.\nQuý Sáng", "T").paragraphs).toEqual(["Nội dung bài viết."]);
  });
});

describe("cleanBody on other page layouts", () => {
  it("drops breadcrumbs and date lines, keeping the date line as evidence", () => {
    const c = cleanBody(
      [
        "Thế giới > Châu Âu",
        "Thứ Hai, 07/08/2025 10:30 (GMT+7)",
        "Tiêu đề ngắn của một bài báo khác",
        "Đoạn mở đầu của bài viết, đủ dài để là một đoạn văn.",
      ].join("\n"),
      null,
    );
    expect(c.pageTitle).toBe("Tiêu đề ngắn của một bài báo khác");
    expect(c.paragraphs).toEqual(["Đoạn mở đầu của bài viết, đủ dài để là một đoạn văn."]);
    expect(c.datelines).toEqual(["Thứ Hai, 07/08/2025 10:30 (GMT+7)"]);
  });

  it("drops plain headlines listed under a related-stories header at the end", () => {
    const c = cleanBody(
      ["Đoạn một của bài viết.", "Đoạn hai của bài viết.", "Tin liên quan", "Một tin khác về giá vàng hôm nay", "Thêm một tin khác về thời tiết"].join("\n"),
      "Tiêu đề",
    );
    expect(c.paragraphs).toEqual(["Đoạn một của bài viết.", "Đoạn hai của bài viết."]);
  });
});
