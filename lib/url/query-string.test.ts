import fc from "fast-check";
import { createSerializer, parseAsNativeArrayOf, parseAsString } from "nuqs/server";
import { describe, expect, it } from "vitest";
import { encodeQueryValue, writeQueryString, type QueryStringState } from "@/lib/url/query-string";

// Parsers shaped as the search's (lib/url/search-params.ts): plain strings and repeatable
// lists whose default is the empty list; nuqs's own serializer over them is the reference.
const list = parseAsNativeArrayOf(parseAsString);
const KEYS = ["q", "from", "tags", "sort", "page", "ids"] as const;
const LISTS = new Set<string>(["tags", "ids"]);
const parsers = Object.fromEntries(KEYS.map((k) => [k, LISTS.has(k) ? list : parseAsString]));
const nuqsWrite = createSerializer(parsers, { clearOnDefault: true });
const reference = (state: QueryStringState) => nuqsWrite(state as Record<string, string | string[] | null>).replace(/^\?/, "");

describe("writeQueryString", () => {
  it("writes keys in the parsers' order, leaves out nulls and empty lists, repeats a list's key", () => {
    const state = { ids: ["b", "a"], q: "hòa bình", tags: [], from: null, page: "2" };
    expect(writeQueryString(KEYS, state)).toBe("q=hòa+bình&page=2&ids=b&ids=a");
    expect(writeQueryString(KEYS, state)).toBe(reference(state));
  });

  it("writes an empty string as an empty value (it is not a default)", () => {
    expect(writeQueryString(KEYS, { q: "" })).toBe("q=");
    expect(reference({ q: "" })).toBe("q=");
  });

  it("writes nothing for a state with no values", () => {
    expect(writeQueryString(KEYS, { q: null, tags: [] })).toBe("");
  });

  it("agrees with nuqs's serializer on any state, whatever the characters", () => {
    const text = fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.constantFrom("a b+c", "%20", "x#y&z", `"'\`<>`, "\u0000\u001f", "\ud800x", "😀"));
    const value = (key: string) => (LISTS.has(key) ? fc.option(fc.array(text, { maxLength: 3 })) : fc.option(text));
    const state = fc.record(Object.fromEntries(KEYS.map((k) => [k, value(k)])), { requiredKeys: [] }) as fc.Arbitrary<QueryStringState>;
    fc.assert(
      fc.property(state, (s) => writeQueryString(KEYS, s) === reference(s)),
      { numRuns: 1000 },
    );
  });
});

describe("encodeQueryValue", () => {
  it("escapes what nuqs escapes and keeps the rest", () => {
    expect(encodeQueryValue("Hà Nội")).toBe("Hà+Nội");
    expect(encodeQueryValue("50%+1 #a&b")).toBe("50%25%2B1+%23a%26b");
    expect(encodeQueryValue(`"'\`<>`)).toBe("%22%27%60%3C%3E");
    expect(encodeQueryValue("a\nb")).toBe("a%0Ab");
    expect(encodeQueryValue("vladimir-putin")).toBe("vladimir-putin");
  });

  it("writes a lone surrogate as U+FFFD, as a URLSearchParams does, and keeps a pair", () => {
    expect(encodeQueryValue("a\ud800b")).toBe("a\ufffdb");
    expect(encodeQueryValue("😀")).toBe("😀");
  });
});
