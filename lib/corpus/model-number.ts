// Whether a model number follows a name ("Xiaomi Mi Max 2", "Hero Achiever 150", "Ranger
// Wildtrak 3.2L"): the person rules read a foreign name every mention of which one follows as a
// product's (lib/corpus/people.ts). A number after a person counts or measures something
// instead, and those shapes are left out here.

/** A number, and letters glued on ("3.2L", "200NS", "5119G", "4x4", "6/45"), after the name's space. */
const NUMBER_AFTER = /^ \d+(?:[.,/x]\d+)*[A-Za-z]*(?:[-–]\d)?/;

/** What follows a number that counts or measures a person's things: "27 tuổi", "14 đề cử", "88 triệu USD", "696 USD/phút", "7 người". */
const COUNTED = new Set([
  "tuổi",
  "người",
  "đề",
  "phát",
  "bàn",
  "lần",
  "triệu",
  "tỷ",
  "nghìn",
  "ngàn",
  "năm",
  "tháng",
  "ngày",
  "giờ",
  "phút",
  "giây",
  "điểm",
  "trận",
  "tuần",
  "vòng",
  "bậc",
  "con",
  "cm",
  "kg",
  "lbs",
  // A match's statistics and a career's: "Alexander Bublik 3 Aces 15", "hơn Serena Williams 1 danh hiệu".
  "aces",
  "ace",
  "lỗi",
  "cú",
  "set",
  "game",
  "danh",
  "giải",
  "huy",
  // Earnings: "Kyrgios 696 USD/phút".
  "usd",
  "đồng",
  "euro",
  "bảng",
]);

/** The lowercase word at the start of `s` after spaces (""). */
function nextWord(s: string): string {
  return /^\s*([\p{L}\p{M}%]+)/u.exec(s)?.[1].toLowerCase() ?? "";
}

/**
 * Whether a model number follows the name ending at `end`: a number, not a year, a score
 * ("2-0"), a height ("1m73"), a share ("13,2 %"), a minute ("43'"), a time ("20:00"), a list's
 * number ("- Mark Twain 5. Khi …") or a count of the person's things ("27 tuổi", "14 đề cử", "3 Aces").
 */
export function modelNumberAfter(text: string, end: number): boolean {
  const c = text.charCodeAt(end + 1);
  if (text.charCodeAt(end) !== 32 || c < 48 || c > 57) return false;
  const found = NUMBER_AFTER.exec(text.slice(end, end + 24));
  if (!found) return false;
  const number = found[0];
  if (/^ (?:19|20)\d\d$/.test(number) || /[-–]\d$/.test(number) || /^ \d+m$/.test(number)) return false;
  const rest = text.slice(end + number.length, end + number.length + 16);
  if (/^(?:[.,]\s|[.,]?$|\.\p{Lu}|\s*%|['’]|:\d)/u.test(rest)) return false;
  return !COUNTED.has(nextWord(rest));
}
