import { setFlagsFromString } from "node:v8";
import { describe, expect, it } from "vitest";
import { type Candidate, findCandidates } from "@/lib/corpus/people";

// V8's own intrinsic, to ask whether two objects share a hidden class (map).
setFlagsFromString("--allow-natives-syntax");
const sameMap = new Function("a", "b", "return %HaveSameMap(a, b)") as (a: unknown, b: unknown) => boolean;

// Texts whose candidates take the flags later passes set: a thing's head (`near`), a line-up
// (`lineUp`, `sepNext`, `formation`), an organisation's run (`inOrg`, then unset for a team's
// line-up), a table in capitals (`caps`), a glued sentence (`cutGlued`), an initial (`glued`),
// a quoted title (`quoted`), a byline (`credit`), a score (`near`), a stage name (`stage`).
const TEXTS = [
  "Hãng vừa giới thiệu dòng xe sang Flying Spur mang tên Design Series.",
  "Đội hình dự kiến: Málaga (4-5-1): Kameni; Ricca, Demichelis, Camacho.",
  "Arsenal Ospina – Monreal, Mertesacker, Holding – Xhaka, Ozil, Welbeck.",
  "Trên trang Instagram Cường Đô La đăng ảnh. Ông Cường Đô La cho biết.",
  "MANUEL NEUER | Bayern | 8 trận. THOMAS DIDILLON | Metz | 8 trận. MARC-ANDRE TER STEGEN | Barcelona | 9 trận.",
  "Allegri có thể mang về: Leonardo Bonucci, Alvaro Morata Đội hình của Arsenal.",
  "Tiền đạo C.Ronaldo ghi bàn, Nsi 18, Văn Thành 45+1, Fagan 76 cũng vậy.",
  "'Inside Job' - phim tài liệu. Santos 4-0 Sporting Cristal. CEO Apple Tim Cook nói.",
  "Ảnh: Đinh Tuấn",
  "Đêm nhạc có sự góp mặt của Zubin Hoàng Lâm cùng nhiều ca sĩ.",
];

describe("candidates' hidden class", () => {
  it("is one for every candidate, whatever flags the passes set", () => {
    const all: Candidate[] = TEXTS.flatMap((t) => findCandidates([t]));
    // The fixture reaches the flags set after a candidate is made.
    for (const flag of ["near", "lineUp", "sepNext", "formation", "caps", "cutGlued", "glued", "quoted", "credit", "stage"] as const) {
      expect(
        all.some((m) => m[flag]),
        flag,
      ).toBe(true);
    }
    const odd = all.filter((m) => !sameMap(m, all[0])).map((m) => m.words.join(" "));
    expect(odd).toEqual([]);
  });
});
