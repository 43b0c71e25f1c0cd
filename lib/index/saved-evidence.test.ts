import { describe, expect, it } from "vitest";
import { findCandidates } from "@/lib/corpus/people";
import { PeopleEvidence } from "@/lib/corpus/people-evidence";
import { SavedEvidenceDecoder, type SavedFileEvidence } from "@/lib/index/saved-evidence";

/** Three corpus files' evidence saved as people.bin holds it: headers, and one counts array. */
function saved() {
  const texts = [
    ["Tiền vệ Xuân Trường chuyền bóng cho Công Phượng.", "Trên đường Huỳnh Tấn Phát, HLV Hữu Thắng nói."],
    ["Không ai được nêu tên ở đây."], // no names: its article still counts
    ["Tiền đạo Alexandre Lacazette và tiền vệ Xuân Trường.", "Tiền đạo Griezmann, ông Nguyễn Văn An."],
  ];
  const files: SavedFileEvidence[] = [];
  const counts: number[] = [];
  const decoded = new PeopleEvidence();
  texts.forEach((article, i) => {
    const e = new PeopleEvidence();
    e.add(findCandidates(article));
    decoded.merge(e);
    const { counts: c, ...rest } = e.toData();
    files.push({ file: `f${i}.jsonl`, ...rest });
    counts.push(...Array.from(c));
  });
  return { files, counts: Int32Array.from(counts), decoded };
}

describe("SavedEvidenceDecoder", () => {
  it("decodes the archive's total as merging every file's decoded evidence does, and keeps each file's as saved", () => {
    const { files, counts, decoded } = saved();
    expect(files[1].names.length + files[1].singles.length).toBe(0);
    const d = new SavedEvidenceDecoder(files, counts);
    expect(d.run()).toBe(true);
    expect(d.total.toData()).toEqual(decoded.toData());
    expect(d.total.articles).toBe(3);
    expect([...d.byFile.keys()]).toEqual(["f0.jsonl", "f1.jsonl", "f2.jsonl"]);
    expect(PeopleEvidence.fromData(d.byFile.get("f2.jsonl")!).toData()).toEqual(
      (() => {
        const e = new PeopleEvidence();
        e.add(findCandidates(["Tiền đạo Alexandre Lacazette và tiền vệ Xuân Trường.", "Tiền đạo Griezmann, ông Nguyễn Văn An."]));
        return e.toData();
      })(),
    );
  });

  it("stops when asked and goes on from there: decoded in steps of any size, the total is the same", () => {
    const { files, counts, decoded } = saved();
    for (const step of [1, 2, 3, 7]) {
      for (const every of [1, 2, 5]) {
        const d = new SavedEvidenceDecoder(files, counts, step);
        let asks = 0;
        let stops = 0;
        while (!d.run(() => ++asks % (every + 1) !== 0)) stops++;
        // Each file takes one step per `step` keys, and at least one (to count its articles).
        const steps = files.reduce((n, f) => n + Math.max(1, Math.ceil((f.names.length + f.singles.length) / step)), 0);
        expect(d.done).toBe(true);
        expect(stops).toBe(Math.ceil(steps / every) - 1);
        expect(d.total.toData(), `step ${step}, ${every} steps a run`).toEqual(decoded.toData());
      }
    }
  });
});
