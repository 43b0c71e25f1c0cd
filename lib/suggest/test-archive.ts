// A small archive for the suggest tests: 300 articles whose titles repeat a few phrases and
// whose people and outlets repeat, so that a build takes many steps; and what a reader types
// of them (every prefix of every name and phrase, marked and not).
import { testArticle } from "@/lib/corpus/test-article";
import type { Article } from "@/lib/corpus/types";
import { fold } from "@/lib/text/analyzer";

const FIRST = ["Vladimir", "Donald", "Nguyễn Phú", "Kim Jong", "Moon Jae", "Shinzo", "Angela", "Emmanuel", "Hồ Chí", "Lê Văn"];
const LAST = ["Putin", "Trump", "Trọng", "Un", "In", "Abe", "Merkel", "Macron", "Minh", "Hưu"];
const PHRASES = [
  "hòa bình",
  "giá vàng",
  "bóng đá",
  "Hà Nội",
  "thời tiết",
  "học sinh",
  "tai nạn",
  "Tổng thống Mỹ",
  "thị trường",
  "xe máy",
  "công an",
  "Biển Đông",
];
const OUTLETS = ["Dân trí", "VnExpress", "Tuổi Trẻ", "Thanh Niên"];

const person = (i: number) => `${FIRST[i % FIRST.length]} ${LAST[(i * 3) % LAST.length]}`;

export function suggestArticles(n = 300): Article[] {
  return Array.from({ length: n }, (_, i) =>
    testArticle({
      id: `a${i}`,
      title: `${PHRASES[i % PHRASES.length]} và ${PHRASES[(i * 7 + 3) % PHRASES.length]} ngày ${(i % 28) + 1}`,
      persons: i % 3 === 0 ? [person(i), person(i + 1)] : [person(i)],
      outlet: i % 5 === 4 ? null : OUTLETS[i % OUTLETS.length],
    }),
  );
}

/** Every prefix of every name, outlet and phrase, as written and without marks. */
export function suggestPrefixes(): string[] {
  const texts = [...Array.from({ length: 30 }, (_, i) => person(i)), ...OUTLETS, ...PHRASES];
  const prefixes = new Set<string>();
  for (const text of texts) for (const form of [text, fold(text)]) for (let n = 1; n <= form.length; n++) prefixes.add(form.slice(0, n));
  return [...prefixes];
}
