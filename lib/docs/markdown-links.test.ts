import { describe, expect, it } from "vitest";
import { headings, relativeLinks } from "./markdown-links";

describe("headings", () => {
  it("gives GitHub's anchors: lower case, punctuation dropped, repeats numbered", () => {
    const text = [
      "# Cleaning scraped articles",
      "## Ninth session of issue #16 (2026-11-26 14:16)",
      "### Measured",
      "```",
      "# not a heading: inside a fence",
      "```",
      "### Measured",
      "## `code-ab.ts`: the version loaded first",
      "## Tìm tin's [contract](contract.md) — v2",
    ].join("\n");
    expect(headings(text).map((h) => h.slug)).toEqual([
      "cleaning-scraped-articles",
      "ninth-session-of-issue-16-2026-11-26-1416",
      "measured",
      "measured-1",
      "code-abts-the-version-loaded-first",
      "tìm-tins-contract--v2",
    ]);
    expect(headings(text).map((h) => h.line)).toEqual([1, 2, 3, 7, 8, 9]);
  });
});

describe("relativeLinks", () => {
  it("finds relative links with their anchors, not URLs, code or fenced text", () => {
    const text = [
      "See [dates](dates.md), [the log](history/performance-log.md#the-sessions-runs) and [below](#measured).",
      "[site](https://example.com) `[not](a-link.md)` ![img](img/a.png)",
      "```",
      "[fenced](nope.md)",
      "```",
    ].join("\n");
    expect(relativeLinks(text)).toEqual([
      { line: 1, path: "dates.md", anchor: "" },
      { line: 1, path: "history/performance-log.md", anchor: "the-sessions-runs" },
      { line: 1, path: "", anchor: "measured" },
      { line: 2, path: "img/a.png", anchor: "" },
    ]);
  });
});
