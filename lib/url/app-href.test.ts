import fc from "fast-check";
import { normalizePathTrailingSlash } from "next/dist/client/normalize-trailing-slash";
import { describe, expect, it } from "vitest";
import { appHref } from "@/lib/url/app-href";

describe("appHref", () => {
  it("drops the pathname's trailing slash and keeps the query and the hash", () => {
    expect(appHref("/people/")).toBe("/people");
    expect(appHref("/articles/?q=x")).toBe("/articles?q=x");
    expect(appHref("/a/#top")).toBe("/a#top");
    expect(appHref("/a?b=c/")).toBe("/a?b=c/");
  });

  it("keeps the root, a path without a trailing slash, and what is not a path", () => {
    expect(appHref("/")).toBe("/");
    expect(appHref("/?q=x")).toBe("/?q=x");
    expect(appHref("/people/vladimir-putin")).toBe("/people/vladimir-putin");
    expect(appHref("#ket-qua")).toBe("#ket-qua");
  });

  it("writes what next/link's href normalisation writes, for any path", () => {
    const part = fc.constantFrom("/", "?", "#", "a", "people", "=", "");
    const path = fc.array(part, { maxLength: 8 }).map((parts) => "/" + parts.join(""));
    fc.assert(fc.property(fc.oneof(path, fc.string()), (p) => appHref(p) === normalizePathTrailingSlash(p)));
  });
});
