// A match result written between two teams: "Santos 4-0 Sporting Cristal", "Shanghai SIPG 2-1
// Jiangsu Sainty". A name right before or right after one score is a team's, not a person's.
// People stand beside scores too, but in other shapes, which are left out here:
// - tennis sets, a list of scores: "Novak Djokovic 6-4, 6-3", "Andy Murray 7-6(7-1), 6-4";
// - a scorer or a player's statistics after the result: "3-0 Nsi 18, Văn Thành 45+1", "Pospisil 5 Aces";
// - dates written with a dash ("ngày 3-5 Trump …", "Sáng 5-2") and ranges of units ("3-5 ngày").

/** One score of single digits, as results are written ("0-2", "4 - 1", "1–1"). */
const SCORE = String.raw`\d ?[-–] ?\d`;

/** After a name: the score, then neither another set, a tiebreak, a decimal nor a unit of a range. */
const SCORE_AFTER = new RegExp(
  String.raw`^ ${SCORE}(?![\d\p{L}/:]|\s?[-–]\s?\d|\s\d|\s*[,.(]\s*\d|\s*\(|\s(?:độ|ngày|tháng|năm|giờ|phút|tuổi|lần|người|km|m|triệu|tỷ|USD)(?!\p{L})|\s?%)`,
  "u",
);

/** Before a name: a score that is not the last of a list of sets, nor a date after a word of time. */
const SCORE_BEFORE = new RegExp(String.raw`(?<![\d,:/.]\s?|[-–]\s?|(?:ngày|sáng|trưa|chiều|tối|đêm|hôm|rạng sáng|mùng|mồng)\s)${SCORE} $`, "iu");

/** After the name the score precedes: a number (a scorer's minute, a statistic; not the next kick-off time, "07:45") makes it a player. */
const NUMBER_AFTER = /^\s*\d{1,3}(?![\d:h])/u;

/**
 * Tennis: a player beside a set's or a match's score ("thua Dominic Thiem 0-6 ở set 3", "đánh bại
 * Robin Soderling 6-1 7-6(1) 6-4", "thua Sun Fajing 1-2 ở tứ kết đơn nam"). Such a paragraph says so.
 */
const TENNIS = /(?<![\p{L}])(?:set|sets|game|tie-break|tay vợt|đơn nam|đơn nữ|đôi nam|đôi nữ|đánh đôi|ATP|WTA|Grand Slam)(?![\p{L}])/iu;

/** Whether the name at `start`–`end` of `text` stands right before or right after one match score. */
export function besideScore(text: string, start: number, end: number): boolean {
  // Most names have no digit near them: two character tests before any pattern.
  const digitAfter = isDigit(text.charCodeAt(end + 1));
  const digitBefore = isDigit(text.charCodeAt(start - 2));
  if (!digitAfter && !digitBefore) return false;
  const score =
    (digitAfter && SCORE_AFTER.test(text.slice(end, end + 16))) ||
    (digitBefore && SCORE_BEFORE.test(text.slice(Math.max(0, start - 20), start)) && !NUMBER_AFTER.test(text.slice(end, end + 6)));
  // The paragraph is read only for a score found.
  return score && !TENNIS.test(text);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
