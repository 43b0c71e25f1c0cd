import { describe, expect, it } from "vitest";
import { badlyEncodedParam, encodingError, parseSearchQuery } from "@/lib/url/query-encoding";

const NAMES = new Set(["q", "from", "person"]);

describe("badlyEncodedParam", () => {
  it("names a known parameter whose value is not valid percent-encoded UTF-8, with or without the `?`", () => {
    for (const value of ["%E0%A4", "%ff", "%", "%zz", "%2", "abc%", "%C3%28", "%ED%A0%80", "%u202e", "a%E0%A4%A"]) {
      expect(badlyEncodedParam(`?q=${value}`, NAMES), value).toEqual({ param: "q", message: "q is not valid percent-encoded UTF-8" });
      expect(badlyEncodedParam(`person=x&from=${value}`, NAMES)?.param, value).toBe("from");
    }
  });

  it("passes well-formed values: plain, percent-encoded UTF-8, `+` for a space, an encoded `%`, empty", () => {
    for (const search of ["?q=hoa+binh", "?q=h%C3%B2a%20b%C3%ACnh", "?q=100%25", "?q=", "?q", "", "?", "?q=a&&from=2017-01-01", "?q=%F0%9F%92%A5"]) {
      expect(badlyEncodedParam(search, NAMES), search).toBeNull();
    }
  });

  it("ignores unknown parameters, and names that do not decode (no parameter we know)", () => {
    expect(badlyEncodedParam("?utm=%ff&q=ok", NAMES)).toBeNull();
    expect(badlyEncodedParam("?q%ff=1&%zz=%zz", NAMES)).toBeNull();
  });

  it("reads a parameter's name as the parsers do: percent-encoded, `+` a space", () => {
    expect(badlyEncodedParam("?%71=%ff", NAMES)?.param).toBe("q");
    expect(badlyEncodedParam("?q+=%ff", NAMES)).toBeNull(); // "q " is another name
  });

  it("judges only the values a route reads: a repeated parameter's others are ignored, as unknown ones are", () => {
    // The first q, the first from that is not blank, every person.
    expect(badlyEncodedParam("?q=Putin&q=%ZZ", NAMES)).toBeNull();
    expect(badlyEncodedParam("?q=%ZZ&q=Putin", NAMES)?.param).toBe("q");
    expect(badlyEncodedParam("?q=&q=%ZZ", NAMES)).toBeNull();
    expect(badlyEncodedParam("?from=2025-08-01&from=%ff", NAMES)).toBeNull();
    expect(badlyEncodedParam("?from=+&from=%ff", NAMES)?.param).toBe("from");
    expect(badlyEncodedParam("?person=a&person=%ff", NAMES)?.param).toBe("person");
    // As the parsers read them.
    expect(parseSearchQuery("?q=Putin&q=%ZZ&page=2&page=%ff")).toEqual(parseSearchQuery("?q=Putin&page=2"));
    expect(parseSearchQuery("?page=&page=%ff").ok).toBe(false);
  });

  it("names the first bad one in URL order", () => {
    expect(badlyEncodedParam("?person=%zz&q=%ff", NAMES)?.param).toBe("person");
  });
});

describe("parseSearchQuery", () => {
  it("refuses any search parameter that is badly encoded, before its own rule is read", () => {
    for (const param of ["q", "from", "to", "person", "outlet", "sources", "sort", "page", "size", "match", "group", "undated"]) {
      const parsed = parseSearchQuery(`?${param}=%ff`);
      expect(parsed.ok, param).toBe(false);
      if (!parsed.ok) expect(parsed.error, param).toEqual({ param, message: `${param} is not valid percent-encoded UTF-8` });
    }
  });

  it("parses a well-formed query string as parseSearchParams does", () => {
    const parsed = parseSearchQuery("?q=h%C3%B2a+b%C3%ACnh&from=2017-01-01&person=a&person=b");
    expect(parsed.ok && parsed.query).toMatchObject({ q: "hòa bình", from: "2017-01-01", person: ["a", "b"] });
    expect(parseSearchQuery("?page=0")).toMatchObject({ ok: false, error: { param: "page" } });
  });

  it("ignores what the search does not read", () => {
    expect(parseSearchQuery("?utm_source=%ff&q=x").ok).toBe(true);
  });
});

describe("encodingError", () => {
  it("makes the error for a search parameter the middleware named, and nothing for another name", () => {
    expect(encodingError("from")).toEqual({ param: "from", message: "from is not valid percent-encoded UTF-8" });
    expect(encodingError(null)).toBeNull();
    expect(encodingError("utm_source")).toBeNull();
    expect(encodingError("__proto__")).toBeNull();
  });
});
