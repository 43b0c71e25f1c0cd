import { expect, test } from "vitest";
import { FacetDictionary } from "@/lib/search/facets";

test("one id, several names: the dictionary shows the fullest, whichever came first", () => {
  const dict = new FacetDictionary();
  expect(dict.intern({ id: "donald-trump", name: "Trump" })).toBe(0);
  expect(dict.intern({ id: "donald-trump", name: "Donald Trump" })).toBe(0);
  expect(dict.intern({ id: "donald-trump", name: "Trump" })).toBe(0);
  expect(dict.names).toEqual(["Donald Trump"]);
});
