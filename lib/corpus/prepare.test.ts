import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { readRawArticles } from "@/lib/corpus/load";
import { prepareArticle } from "@/lib/corpus/prepare";
import type { Article, RawArticle } from "@/lib/corpus/types";

const SEEDS = path.resolve(__dirname, "../../seeds");
let seeds: Map<string, Article>;

beforeAll(async () => {
  const { raws } = await readRawArticles(SEEDS);
  seeds = new Map(raws.map((r) => [r.id.slice(0, 3), prepareArticle(r)]));
});

const seed = (n: string) => {
  const a = seeds.get(n);
  if (!a) throw new Error(`seed ${n} missing`);
  return a;
};
const personIds = (a: Article) => a.persons.map((p) => p.id).sort();

describe("seed 000", () => {
  it("derives a title from the lead and drops the photo caption", () => {
    const a = seed("000");
    expect(a.titleDerived).toBe(true);
    expect(a.title).toBe("Thông tin trên do một quan chức Nhà Trắng tiết lộ sau khi Đặc phái viên Mỹ Steve Witkoff hội đàm với Tổng thống Nga…");
    expect(a.paragraphs[0]).toMatch(/^Thông tin trên do một quan chức Nhà Trắng tiết lộ/);
    expect(a.paragraphs.at(-1)).toMatch(/^Đồng thời, ông Yuri Ushakov cho biết .* với ông Donald Trump\.$/);
    expect(a.paragraphs.join(" ")).not.toContain("Ảnh: The Nightly");
    expect(a.captions).toEqual(["Tổng thống Nga Vladimir Putin và Tổng thống Mỹ Donald Trump. Ảnh: The Nightly"]);
    expect(a).toMatchObject({ date: "2025-08-07", dateEstimated: false, outlet: null });
    // "Ảnh: The Nightly" credits a photo; the text cites the other three.
    expect(a.sources.map((s) => s.id).sort()).toEqual(["ap", "nbc-news", "zvezda"]);
    expect(a.photoCredits?.map((s) => s.id)).toEqual(["the-nightly"]);
    expect(personIds(a)).toEqual([
      "donald-trump",
      "friedrich-merz",
      "keir-starmer",
      "marco-rubio",
      "mark-rutte",
      "steve-witkoff",
      "vladimir-putin",
      "volodymyr-zelensky",
      "yuri-ushakov",
    ]);
  });
});

describe("seeds 001 and 002", () => {
  it("drop the lead caption, keep its credit as a photo credit (not a source), and recognise Dân trí's caption style", () => {
    for (const n of ["001", "002"]) {
      const a = seed(n);
      expect(a.paragraphs.join(" ")).not.toContain("(Ảnh: Reuters)");
      expect(a.sources).toEqual([]);
      expect(a.photoCredits?.map((s) => s.id)).toEqual(["reuters"]);
      expect(a.outlet?.id).toBe("dan-tri");
      expect(a.provenance.outlet).toMatch(/^layout:/);
      expect(a.titleDerived).toBe(true);
    }
    expect(seed("001").captions).toEqual(["Tổng thống Mỹ Donald Trump và Tổng thống Nga Vladimir Putin trong cuộc gặp tại Alaska vào tháng 8 (Ảnh: Reuters)."]);
    expect(seed("001").paragraphs[0]).toMatch(/^Tổng thống Donald Trump ngày 3\/12 cho biết/);
    expect(seed("001").paragraphs.at(-1)).toMatch(/để hoàn thiện bản kể hoạch hòa bình\.$/);
    expect(seed("001").title).toBe("Tổng thống Donald Trump ngày 3/12 cho biết các nhà đàm phán Mỹ, gồm Đặc phái viên Steve Witkoff và con rể của Tổng…");
    expect(seed("002").paragraphs[0]).toMatch(/^Đặc phái viên của Tổng thống Mỹ, ông Keith Kellogg, ngày 20\/8/);
    expect(seed("002").paragraphs.at(-1)).toBe("Theo Ngoại trưởng Nga, Tổng thống Trump hiểu rõ lập trường của Moscow về vấn đề này.");
    expect(personIds(seed("002"))).toEqual([
      "donald-trump",
      "joe-biden",
      "karoline-leavitt",
      "keith-kellogg",
      "sergei-lavrov",
      "vladimir-putin",
      "volodymyr-zelensky",
      "yuri-ushakov",
    ]);
  });
});

describe("seed 003", () => {
  it("takes the page title, estimates the date and drops the whole related-stories tail", () => {
    const a = seed("003");
    expect(a).toMatchObject({ title: "Nga - Mỹ thảo luận khả năng đối thoại trực tiếp với Ukraine", titleDerived: false });
    // Alone, the text gives a day-month ("ngày 25/4"); the archive check gives it a year.
    expect(a).toMatchObject({ date: null, outlet: null });
    expect(a.paragraphs[0]).toMatch(/^Điện Kremlin cho biết, cuộc hội đàm giữa Tổng thống Nga Vladimir Putin/);
    expect(a.paragraphs.at(-1)).toBe(
      "Ngoại trưởng Nga cũng nhấn mạnh rằng ông Trump “có lẽ là nhà lãnh đạo duy nhất trên Trái đất nhận ra nhu cầu giải quyết nguyên nhân gốc rễ” của cuộc khủng hoảng Ukraine.",
    );
    const text = a.paragraphs.join(" ");
    for (const stray of ["Elon Musk", "sầu riêng", "Thaksin", "Xem thêm", "Zelensky"]) expect(text).not.toContain(stray);
    expect(a.sources.map((s) => s.id)).toEqual(["rt"]);
    expect(personIds(a)).toEqual(["dmitry-peskov", "donald-trump", "sergei-lavrov", "steve-witkoff", "vladimir-putin", "yuri-ushakov"]);
  });
});

describe("seed 004", () => {
  it("drops the widget, the related links and the near-duplicate title, and recognises the outlet", () => {
    const a = seed("004");
    expect(a.title).toBe("Tổng thống Putin gặp đặc phái viên của ông Trump, có khả năng diễn ra điện đàm giữa hai lãnh đạo Nga-Mỹ");
    expect(a.titleDerived).toBe(false);
    expect(a.paragraphs[0]).toMatch(/^Có thể diễn ra cuộc điện đàm giữa Tổng thống Nga Vladimir Putin/);
    expect(a.paragraphs.at(-1)).toBe(
      'Trước đó cùng ngày, đăng tải trên mạng xã hội Truth Social, Tổng thống Trump tuyên bố, Nga "phải hành động" để giải quyết tình hình ở Ukraine.',
    );
    const text = a.paragraphs.join(" ");
    for (const stray of ["Nhỏ Bình thường Lớn", "Tin liên quan", "Myanmar", "đặc phải viên", "Bỉ cam kết"]) expect(text).not.toContain(stray);
    expect(text).toContain("Theo RIA, cuộc gặp");
    expect(a.outlet?.id).toBe("bao-the-gioi-viet-nam");
    expect(a.sources.map((s) => s.id).sort()).toEqual(["ria-novosti", "tass"]);
    expect(a.date).toBeNull();
    expect(personIds(a)).toEqual(["dmitry-peskov", "donald-trump", "karoline-leavitt", "kirill-dmitriev", "steve-witkoff", "vladimir-putin"]);
  });
});

describe("jsonl records", () => {
  const raw = (over: Partial<RawArticle>): RawArticle => ({
    id: "r1",
    file: "a.jsonl",
    format: "jsonl",
    title: "Tiêu đề bản ghi",
    body: "Đoạn một của bài.\nĐoạn hai.",
    date: null,
    outlet: null,
    url: null,
    ...over,
  });
  it("uses the record's title, date and outlet", () => {
    const a = prepareArticle(raw({ date: "2017-02-06", outlet: "VnExpress", url: "http://www.baomoi.com/a/c/1.epi" }));
    expect(a).toMatchObject({ title: "Tiêu đề bản ghi", titleDerived: false, date: "2017-02-06", dateEstimated: false });
    expect(a.outlet).toEqual({ id: "vnexpress", name: "VnExpress" });
    expect(a.provenance).toMatchObject({ title: "record", date: "metadata", outlet: "record", paragraphsKept: 2 });
  });
  it("falls back to the URL's outlet and an estimated date", () => {
    const a = prepareArticle(raw({ body: "Ngày 6/2/2017, sự việc xảy ra.\nTheo VTC14", url: "http://www.baomoi.com/a/c/1.epi" }));
    expect(a.outlet?.id).toBe("bao-moi");
    expect(a).toMatchObject({ date: "2017-02-06", dateEstimated: true, paragraphs: ["Ngày 6/2/2017, sự việc xảy ra."] });
  });
});

describe("pages with a date line", () => {
  it("reads the date from the page's own date line before the text", () => {
    const a = prepareArticle({
      id: "p",
      file: "p.txt",
      format: "txt",
      title: null,
      date: null,
      outlet: null,
      url: null,
      body: "Thứ Hai, 07/08/2025 10:30 (GMT+7)\nTiêu đề ngắn của bài\nNgày 1/1/2025, một sự kiện đã xảy ra và được kể lại ở đây.",
    });
    expect(a).toMatchObject({ date: "2025-08-07", dateEstimated: true, title: "Tiêu đề ngắn của bài" });
    expect(a.paragraphs).toEqual(["Ngày 1/1/2025, một sự kiện đã xảy ra và được kể lại ở đây."]);
  });
});
