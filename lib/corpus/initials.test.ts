import { describe, expect, it } from "vitest";
import { gluedSurname, nameWords, opensWithInitial, spacedInitial, writtenName } from "@/lib/corpus/initials";

describe("gluedSurname", () => {
  it("reads the word glued after an initial's full stop", () => {
    const text = "HLV J.Mourinho nói";
    expect(gluedSurname(text, text.indexOf("."))).toBe("Mourinho");
    const end = "Pepe và C.Ronaldo.";
    expect(gluedSurname(end, end.indexOf("."))).toBe("Ronaldo");
  });
  it("reads no surname where a lowercase word, another initial or a digit follows", () => {
    for (const text of ["thuốc A.bình", "ca sĩ T.O.P nói", "mẫu A.1 mới"]) expect(gluedSurname(text, text.indexOf("."))).toBeNull();
  });
});

describe("spacedInitial", () => {
  it("takes a letter after a title, punctuation, a number or a word that joins names as an initial", () => {
    expect(spacedInitial("Tổng thống Nga V. Putin", "Tổng thống Nga ".length, true)).toBe(true);
    expect(spacedInitial("Đội hình: 1 L. Fabianski", "Đội hình: 1 ".length, false)).toBe(true);
    expect(spacedInitial("gặp gỡ giữa D. Trump", "gặp gỡ giữa ".length, false)).toBe(true);
  });
  it("takes a letter after a noun it labels as a sentence's end", () => {
    expect(spacedInitial("Đội ở bảng C. Ronaldo ghi bàn", "Đội ở bảng ".length, false)).toBe(false);
    expect(spacedInitial("uống vitamin C. Vitamin", "uống vitamin ".length, false)).toBe(false);
  });
});

describe("writtenName and nameWords", () => {
  it("writes a glued initial against the surname and reads it back as two words", () => {
    expect(writtenName(["C.", "Ronaldo"], true)).toBe("C.Ronaldo");
    expect(writtenName(["V.", "Putin"], false)).toBe("V. Putin");
    expect(nameWords("C.Ronaldo")).toEqual(["C.", "Ronaldo"]);
    expect(nameWords("V. Putin")).toEqual(["V.", "Putin"]);
  });
  it("leaves other names as their words", () => {
    expect(writtenName(["Di", "Maria"], true)).toBe("Di Maria");
    expect(nameWords("Claus D.Hagenhoff")).toEqual(["Claus", "D.Hagenhoff"]);
    expect(nameWords("T.O.P")).toEqual(["T.O.P"]);
    expect(opensWithInitial(["H.R.", "McMaster"])).toBe(false);
    expect(opensWithInitial(["J.", "Mourinho"])).toBe(true);
  });
});
