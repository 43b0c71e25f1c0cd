import { describe, expect, it } from "vitest";
import { answerParts, comparableHtml, comparableMarkup, pageParts, propText, rscPayload, utf8Bytes } from "./page-parts";

/** A page as Next.js writes one: markup, then the RSC payload pushed as JSON string literals. */
function page(rsc: string[]): string {
  const pushes = rsc.map((s) => `<script nonce="n">self.__next_f.push(${JSON.stringify([1, s])})</script>`).join("");
  return `<!DOCTYPE html><html><body><main><p>Giá vàng</p></main><script nonce="n">(self.__next_f=self.__next_f||[]).push([0])</script>${pushes}</body></html>`;
}

describe("page parts", () => {
  const answer = JSON.stringify({
    hits: [{ id: "a", snippet: [{ text: "giá vàng", mark: true }] }],
    facets: { persons: [{ id: "x", name: "Ông X", count: 2 }] },
  });

  it("finds an answer written as a text row the prop refers to (its length in UTF-8 bytes)", () => {
    const rsc = [`0:["$","main",null,{}]\n`, `1f:T${utf8Bytes(answer).toString(16)},${answer}2:["$","$L3",null,{"initialJson":"$1f"}]\n`];
    const html = page(rsc);
    expect(rscPayload(html)).toBe(rsc.join(""));
    const parts = pageParts(html);
    expect(parts.answer).toBe(answer);
    expect(parts.rsc).toBe(utf8Bytes(rsc.join("")));
    expect(parts.markup + parts.scripts).toBe(parts.html);
    expect(parts.markup).toBe(utf8Bytes(html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '<script nonce="n"></script>')));
  });

  it("finds an answer written in place, and none when the page has none", () => {
    expect(propText(`2:["$","$L3",null,{"initialJson":${JSON.stringify(answer)}}]`, "initialJson")).toBe(answer);
    expect(pageParts(page(['0:["$","main",null,{}]\n'])).answer).toBeNull();
  });

  it("compares markup without scripts, nonces or the spelling of React's ids, but with their wiring", () => {
    const box = (a: string, b: string) => `<input aria-controls="${a}"><ul id="${b}"></ul><script nonce="x">1</script>`;
    const page1 = `<p nonce="a">x</p>${box("_R_19btbH1_", "_R_19btbH1_")}`;
    expect(comparableMarkup(page1)).toBe('<p>x</p><input aria-controls="_R0_"><ul id="_R0_"></ul>');
    expect(comparableMarkup(`<p nonce="b">x</p>${box("_R_2lbtb_", "_R_2lbtb_")}`)).toBe(comparableMarkup(page1));
    // A box pointing at another list is not the same page.
    expect(comparableMarkup(`<p>x</p>${box("_R_2lbtb_", "_R_3a_")}`)).not.toBe(comparableMarkup(page1));
  });

  it("compares whole pages without the response's nonce and request id, the answer's tookMs and its row's length", () => {
    const whole = (nonce: string, id: string, took: string, text = "Giá vàng") => {
      const json = `{"q":"${text}","tookMs":${took},"total":1}`;
      return page([`3:{"id":"${id}","nonce":"${nonce}"}\n`, `1f:T${utf8Bytes(json).toString(16)},${json}`]).replace(/nonce="n"/g, `nonce="${nonce}"`);
    };
    const a = comparableHtml(whole("AAAA", "id-1", "301.65"), { nonce: "AAAA", requestId: "id-1" });
    expect(a).not.toContain("AAAA");
    expect(comparableHtml(whole("BBBB", "id-2", "0.07"), { nonce: "BBBB", requestId: "id-2" })).toBe(a);
    expect(comparableHtml(whole("BBBB", "id-2", "0.07  "), { nonce: "BBBB", requestId: "id-2" })).toBe(a);
    // Anything else that differs still differs: the answer's text, or a nonce left from another response.
    expect(comparableHtml(whole("BBBB", "id-2", "0.07", "Giá xăng"), { nonce: "BBBB", requestId: "id-2" })).not.toBe(a);
    expect(comparableHtml(whole("AAAA", "id-2", "0.07"), { nonce: "BBBB", requestId: "id-2" })).not.toBe(a);
  });

  it("sizes an answer's parts", () => {
    const parts = answerParts(answer);
    expect(parts.whole).toBe(utf8Bytes(answer));
    expect(parts["hits.snippet"]).toBe(utf8Bytes('[{"text":"giá vàng","mark":true}]'));
    expect(parts["facets.persons"]).toBe(utf8Bytes('[{"id":"x","name":"Ông X","count":2}]'));
  });
});
