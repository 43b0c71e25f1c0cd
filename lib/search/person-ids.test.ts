import { describe, expect, it } from "vitest";
import { testArticle } from "@/lib/corpus/test-article";
import { memoryArchive } from "@/lib/index/memory";
import { personIdsOf } from "@/lib/search/person-ids";

describe("personIdsOf", () => {
  const articles = [
    testArticle({ id: "a", persons: ["Trần Đại Quang", "Kim Jong Un"] }),
    testArticle({ id: "b", persons: ["Kim Jong Un"] }),
    testArticle({ id: "c" }),
  ];

  it("holds the ids of the segment's person facet, and no other", () => {
    const ids = personIdsOf(memoryArchive(articles).segments[0]);
    expect([...ids].sort()).toEqual(["kim-jong-un", "trần-đại-quang"]);
  });

  it("is made once per segment: every later ask (any matcher) gets the same set", () => {
    const seg = memoryArchive(articles).segments[0];
    expect(personIdsOf(seg)).toBe(personIdsOf(seg));
    // Another archive's segment has its own.
    expect(personIdsOf(memoryArchive(articles).segments[0])).not.toBe(personIdsOf(seg));
  });
});
