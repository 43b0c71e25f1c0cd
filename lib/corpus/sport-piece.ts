// Whether an article is a sports piece, read off its name candidates: a player's or a coach's
// role before a name, a scorer's minute, a team's formation. Match reports and draws name
// players by surname alone ("Hazard", "Nadal - Federer"), which other pieces rarely do.
import { endsWithPhraseSet } from "@/lib/corpus/ends-with-phrase-set";
import type { Candidate } from "@/lib/corpus/people";

/** Roles of players and coaches (as a candidate's `before` ends); the judge's feature reads these. */
export const SPORT_ROLES = ["tiền đạo", "hậu vệ", "tiền vệ", "trung vệ", "thủ môn", "thủ thành", "cầu thủ", "hlv", "luyện viên", "tân binh", "ngoại binh"];

/** Roles of sports played one against one, read by the person rules only (the judge was trained without them). */
const SINGLES_ROLES = ["tay vợt", "võ sĩ", "tay golf", "golf thủ", "tay đua", "kỳ thủ"];

// Asked of every candidate of every article (by the judge's context and by resolving): set look-ups.
const endsWithSportRole = endsWithPhraseSet(SPORT_ROLES);
const endsWithSinglesRole = endsWithPhraseSet(SINGLES_ROLES);

/** The judge's reading: football's roles, minutes and formations. */
export function sportRole(before: string): boolean {
  return endsWithSportRole(before);
}

/** The person rules' reading: the judge's, or a role of tennis, boxing, golf, racing or chess. */
export function sportsPiece(mentions: readonly Candidate[]): boolean {
  return mentions.some((m) => m.minuteNext || m.formation || m.lineUp || sportRole(m.before) || endsWithSinglesRole(m.before));
}

/**
 * A stricter reading for rules that take common-looking names for players: a football role before
 * a name, a line-up or a formation, or a scorer's minute after two names or more. One number
 * after a name reads as a minute in any piece ("Crocin 100 (giá …", "số 102 …").
 */
export function footballPiece(mentions: readonly Candidate[]): boolean {
  let minutes = 0;
  for (const m of mentions) {
    if (m.formation || m.lineUp || sportRole(m.before)) return true;
    if (m.minuteNext && ++minutes >= 2) return true;
  }
  return false;
}
