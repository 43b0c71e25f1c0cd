import { describe, expect, it } from "vitest";
import { type Candidate, findCandidates, isVietnameseName, keyParts, nameKey, resolvePeople, sameVariant, withWords } from "@/lib/corpus/people";

// A candidate's `key` and `vn` are worked out once, where it is made or its words change: texts
// that make candidates each of those ways (a run, initials taken back, an initial glued or spaced,
// a table in capitals).
const TEXTS = [
  "Ông Nguyễn Văn Thắng phát biểu. Tổng thống Donald Trump và HLV Park Hang-seo đến Hà Nội.",
  "Tổng thống Mỹ George W. Bush gặp H.R. McMaster.",
  "Siêu sao C.Ronaldo ghi bàn. Tổng thống Nga V. Putin nói.",
  "MANUEL NEUER | Bayern | 8 trận. THOMAS DIDILLON | Metz | 8 trận. MARC-ANDRE TER STEGEN | Barcelona | 9 trận.",
];

/** The candidates whose `key` or `vn` is not what their words give (the seeds' are checked in people-quiet.test.ts). */
function staleCandidates(candidates: readonly Candidate[]): string[] {
  return candidates.filter((m) => m.key !== nameKey(m.words) || m.vn !== isVietnameseName(m.words)).map((m) => m.words.join(" "));
}

describe("a candidate's key and Vietnamese-name flag", () => {
  it("follow the words wherever findCandidates makes or changes them", () => {
    const found = TEXTS.flatMap((t) => findCandidates([t]));
    // Each way of making a candidate occurs, so the check is not empty.
    const written = found.map((m) => m.words.join(" "));
    expect(written).toEqual(expect.arrayContaining(["Nguyễn Văn Thắng", "George W. Bush", "C. Ronaldo", "V. Putin", "Manuel Neuer"]));
    expect(found.some((m) => m.vn)).toBe(true);
    expect(staleCandidates(found)).toEqual([]);
  });

  it("follow the words of the candidates resolvePeople splits or shortens", () => {
    const seen: Candidate[] = [];
    const see = (m: Candidate) => (seen.push(m), false);
    // Four foreign words the archive knows as two names; a surname after an initial.
    resolvePeople(findCandidates(["Họ muốn có Gareth Bale Alvaro Morata trong đội.", "Hôm qua N.Djokovic thắng."]), {
      gluedPair: () => true,
      accept: see,
      acceptSingle: see,
    });
    const written = seen.map((m) => m.words.join(" "));
    expect(written).toEqual(expect.arrayContaining(["Gareth Bale", "Alvaro Morata", "Djokovic"]));
    expect(staleCandidates(seen)).toEqual([]);
  });

  it("withWords gives a copy the new words' key and flag", () => {
    const [m] = findCandidates(["Ông Nguyễn Văn Thắng phát biểu."]);
    const other = withWords(m, ["Alvaro", "Morata"]);
    expect(other).toMatchObject({ words: ["Alvaro", "Morata"], key: "alvaro morata", vn: false, titled: m.titled });
    expect(m).toMatchObject({ key: "nguyen van thang", vn: true });
  });
});

describe("a key's parts, counted without splitting", () => {
  it('are what split(" ") gives, for any string', () => {
    for (const key of ["", "a", "moon jae in", "a  b", " a ", "george h.w. bush"]) expect(keyParts(key)).toBe(key.split(" ").length);
  });

  it("let sameVariant refuse pairs of other lengths before splitting, and still find a name without its middle part", () => {
    expect(sameVariant("george h.w. bush", "george bush", ["George", "H.W.", "Bush"], ["George", "Bush"])).toBe(true);
    expect(sameVariant("moon jae in", "moon jea in", ["Moon", "Jae", "In"], ["Moon", "Jea", "In"])).toBe(true);
    expect(sameVariant("george bush", "george h.w. bush", ["George", "Bush"], ["George", "H.W.", "Bush"])).toBe(false);
    expect(sameVariant("moon jae in", "moon", ["Moon", "Jae", "In"], ["Moon"])).toBe(false);
    expect(sameVariant("mueller", "muller", ["Mueller"], ["Muller"])).toBe(true);
    // A Vietnamese name one letter off is another person, however close.
    expect(sameVariant("nguyen van nam", "nguyen van nham", ["Nguyễn", "Văn", "Nam"], ["Nguyễn", "Văn", "Nhâm"])).toBe(false);
    expect(sameVariant("nguyenz van nam", "nguyen van nham", ["Nguyenz", "Van", "Nam"], ["Nguyễn", "Văn", "Nhâm"])).toBe(false);
    expect(sameVariant("nguyen van nam", "nguyenz van nham", ["Nguyễn", "Văn", "Nam"], ["Nguyenz", "Van", "Nham"])).toBe(false);
    // The same pair, foreign: a slip.
    expect(sameVariant("nguyenz van nam", "nguyenz van nham", ["Nguyenz", "Van", "Nam"], ["Nguyenz", "Van", "Nham"])).toBe(true);
    // Against a longer name's last word: "Muller" is Robert Swan Mueller's surname misspelt.
    expect(resolvePeople(findCandidates(["Ông Robert Swan Mueller phát biểu. Ông Muller nói."])).map((p) => p.name)).toEqual(["Robert Swan Mueller"]);
  });
});
