import { describe, expect, it } from "vitest";
import type { Article } from "@/lib/corpus/types";
import { absentQueries } from "./absent";
import { testArticle } from "@/lib/corpus/test-article";
import { memoryArchive } from "@/lib/index/memory";
import { archiveLatencyQueries, deleteLetter, latencyQueries, mulberry32, stripMarks, swapTone, wrongTone } from "./queries";
import { typeText } from "./typing";
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

  it("gives one toned word another tone", () => {
    const q = wrongTone("Hòa bình Nga", mulberry32(3))!;
    expect(stripMarks(q)).toBe("Hoa binh Nga");
    expect(q).not.toBe("Hòa bình Nga");
    expect(q.normalize("NFD").match(/[\u0300\u0301\u0303\u0309\u0323]/g)?.length).toBe(2);
    expect(wrongTone("Nga Anh", mulberry32(3))).toBeNull();
  });

  it("types text in Telex and VNI", () => {
    expect(typeText("Hòa bình, đàm phán tương lai", "telex")).toBe("Hoaf binhf, ddamf phans tuwowng lai");
    expect(typeText("Hòa bình, đàm phán", "vni")).toBe("Hoa2 binh2, d9am2 phan1");
    expect(typeText("Nguyễn", "telex")).toBe("Nguyeenx");
  });

  it("keeps only absent queries, checked against the articles", () => {
    const art = (title: string, body: string) => ({ title, paragraphs: [body], captions: [] }) as unknown as Article;
    const r = absentQueries(
      [art("Tin", "Ông Elon Musk nói."), art("Khác", "Sam đi học, Altman ở nhà.")],
      ["Elon Musk", "Sam Altman", "ChatGPT", "Musk Altman"],
    );
    expect(r.present).toEqual(["Elon Musk", "Sam Altman"]);
    expect(r.absent).toEqual(["ChatGPT", "Musk Altman"]);
  });

  it("draws an archive's latency queries from its live articles, as from the articles themselves", () => {
    const titles = ["Hòa bình ở Trung Đông", "Giá vàng tăng mạnh hôm nay", "Đội tuyển Việt Nam thắng Thái Lan", "Bão số 12 đổ bộ miền Trung"];
    const articles = titles.map((title, i) => testArticle({ id: `a${i}`, title, paragraphs: [`${title}, theo tin từ Hà Nội.`] }));
    const queries = latencyQueries(articles, 1);
    expect(queries.length).toBeGreaterThan(0);
    expect(archiveLatencyQueries(memoryArchive(articles), 1)).toEqual(queries);
    expect(archiveLatencyQueries(memoryArchive(articles), 2)).toEqual(latencyQueries(articles, 2));
  });

  it("ranks", () => {
    const top = topTen(
      new Map([
        ["a", 1],
        ["b", 3],
        ["c", 2],
      ]),
    );
    expect(top).toEqual(["b", "c", "a"]);
    expect(reciprocalRank(top, "c")).toBe(0.5);
  });
});
