import { describe, expect, it } from "vitest";
import { personSlug, slugify } from "@/lib/corpus/text";
import { prepareArticle } from "@/lib/corpus/prepare";
import { FACET_ID } from "@/lib/url/search-params";

describe("personSlug", () => {
  it("is the slug for a name with Latin letters", () => {
    expect(personSlug("Vladimir Putin")).toBe("vladimir-putin");
    expect(personSlug("Nguyễn Phú Trọng")).toBe(slugify("Nguyễn Phú Trọng"));
  });

  it("gives a name without Latin letters a non-empty id the API accepts as a filter", () => {
    for (const name of ["Путин", "Владимир Путин", "习近平", "김정은"]) {
      expect(slugify(name)).toBe("");
      expect(personSlug(name)).toMatch(FACET_ID);
    }
  });

  it("is the same id for the same name in either Unicode form and different for different names", () => {
    expect(personSlug("Й")).toBe(personSlug("И\u0306"));
    expect(personSlug("Путин")).not.toBe(personSlug("Медведев"));
  });
});

describe("a person named without Latin letters", () => {
  it("gets a non-empty id the API accepts, one per person", () => {
    const body = "Tổng thống Nga Владимир Путин cho biết hôm qua. Ông Путин nói thêm rằng Nga sẽ đáp trả.\nBà Анна Иванова cũng phát biểu.";
    const persons = prepareArticle({
      id: "x",
      file: "x.jsonl",
      format: "jsonl",
      title: "Nga nói sẽ đáp trả",
      body,
      date: null,
      outlet: null,
      url: null,
    }).persons;
    expect(persons.map((p) => p.name).sort()).toEqual(["Анна Иванова", "Владимир Путин"]);
    for (const p of persons) expect(p.id).toMatch(FACET_ID);
    expect(new Set(persons.map((p) => p.id)).size).toBe(2);
  });
});
