// Absent queries: names and phrases from after the 2017 corpus (people, products, events).
// The eval keeps only those the corpus really lacks (see absentQueries): the right answer
// to each is zero results, or a correction that says so.
import type { Article } from "@/lib/corpus/types";
import { tokenize } from "@/lib/text/analyzer";

export const ABSENT_CANDIDATES = [
  "ChatGPT",
  "OpenAI ChatGPT",
  "Sam Altman",
  "Volodymyr Zelensky",
  "Zelenskyy",
  "Kamala Harris Tổng thống",
  "Rishi Sunak",
  "Liz Truss Thủ tướng",
  "Olaf Scholz",
  "Giorgia Meloni",
  "Javier Milei",
  "Keir Starmer",
  "Covid-19",
  "đại dịch Covid",
  "vắc xin Pfizer Covid",
  "biến chủng Omicron",
  "Delta Omicron",
  "bão Yagi",
  "sập cầu Phong Châu",
  "Vua Charles III đăng quang",
  "Giáo hoàng Leo XIV",
  "Giáo hoàng Francis qua đời",
  "Apple Vision Pro",
  "iPhone 15 Pro Max",
  "Galaxy S24 Ultra",
  "TikTok Shop",
  "Threads của Meta",
  "Elon Musk mua Twitter",
  "Twitter đổi tên thành X",
  "VinFast VF8",
  "VinFast VF 3",
  "Euro 2024",
  "World Cup 2022 Qatar Messi vô địch",
  "Thế vận hội Tokyo 2021",
  "Tổng Bí thư Tô Lâm",
  "Chủ tịch nước Võ Văn Thưởng",
  "Thủ tướng Phạm Minh Chính",
  "Chủ tịch Quốc hội Trần Thanh Mẫn",
  "Tổng thống Joe Biden",
  "Tổng thống Trump nhiệm kỳ hai",
  "đậu mùa khỉ Mpox",
  "Hamas tấn công Israel ngày 7 tháng 10",
  "xung đột Nga Ukraine 2022",
  "Wagner nổi loạn Prigozhin",
  "Taylor Swift Eras Tour",
  "Gemini Google Bard",
  "sáp nhập tỉnh 2025",
  "Binance Changpeng Zhao",
  "sầu riêng xuất khẩu Trung Quốc kỷ lục 2023",
  "cáp quang biển AAG 2023",
];

/**
 * The candidates no article holds every word of (marks ignored, so the check is at
 * least as strict as any search), and those dropped because some article does.
 */
export function absentQueries(articles: Article[], candidates = ABSENT_CANDIDATES): { absent: string[]; present: string[] } {
  const wanted = new Map<string, Set<number>>();
  for (const c of candidates) for (const t of tokenize(c)) wanted.set(t.folded, new Set());
  articles.forEach((a, d) => {
    const text = [a.title, ...a.paragraphs, ...(a.captions ?? [])].join("\n");
    for (const t of tokenize(text)) wanted.get(t.folded)?.add(d);
  });
  const absent: string[] = [];
  const present: string[] = [];
  for (const c of candidates) {
    const sets = tokenize(c).map((t) => wanted.get(t.folded)!);
    const [first, ...rest] = sets.sort((x, y) => x.size - y.size);
    const together = [...first].some((d) => rest.every((s) => s.has(d)));
    (together ? present : absent).push(c);
  }
  return { absent, present };
}
