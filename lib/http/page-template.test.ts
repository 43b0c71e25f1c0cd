import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fillTemplate, pageTemplate, tookText } from "@/lib/http/page-template";

const NONCE = "MfM3lpDvTpW+jtl9J5AzbQ==";
const ID = "fd5e2ee0-d130-4ae2-b6df-8b56aad535ee";

/** A page shaped as Next.js writes one: nonces in attributes and in the payload, the id in a model row, the answer in a text row. */
function page(nonce: string, id: string, took: string, text = "Giá vàng hôm nay") {
  const answer = JSON.stringify(JSON.stringify({ q: "giá vàng", total: 3 }).slice(0, -1) + `,"tookMs":${took},"hits":[{"title":${JSON.stringify(text)}}]}`);
  return (
    `<!DOCTYPE html><html lang="vi"><head><link rel="stylesheet" href="/a.css" nonce="${nonce}"/>` +
    `<script src="/b.js" async="" nonce="${nonce}"></script></head><body><main><h1>${text}</h1></main>` +
    `<script nonce="${nonce}">self.__next_f.push([1,"2:{\\"nonce\\":\\"${nonce}\\"}\\n3:[\\"$\\",\\"$L13\\",null,{\\"id\\":\\"${id}\\"}]\\n"])</script>` +
    `<script nonce="${nonce}">self.__next_f.push([1,${answer}])</script></body></html>`
  );
}

describe("pageTemplate and fillTemplate", () => {
  it("give, for new values, the page rendered with them", () => {
    const template = pageTemplate(page(NONCE, ID, "301.65"), { nonce: NONCE, requestId: ID })!;
    expect(template.cuts.filter((c) => c === "nonce")).toHaveLength(5);
    expect(template.cuts.filter((c) => c === "requestId")).toHaveLength(1);
    expect(template.tookWidth).toBe(6);
    const nonce = "AbCdEfGhIjKlMnOpQrStUv==";
    const id = "0a1b2c3d-0000-4000-8000-123456789abc";
    const filled = fillTemplate(template, { nonce, requestId: id, tookMs: 12.34 })!.toString();
    expect(filled).toBe(page(nonce, id, "12.34 "));
    expect(filled).not.toContain(NONCE);
    expect(filled).not.toContain(ID);
  });

  it("keep the answer's text the same length, and its JSON the same but for tookMs", () => {
    const template = pageTemplate(page(NONCE, ID, "12.5"), { nonce: NONCE, requestId: ID })!;
    const filled = fillTemplate(template, { nonce: NONCE, requestId: ID, tookMs: 0.04 })!.toString();
    const answerOf = (html: string) => JSON.parse(JSON.parse(/push\(\[1,("\{\\"q.*?")\]\)/.exec(html)![1]) as string) as Record<string, unknown>;
    const before = answerOf(page(NONCE, ID, "12.5"));
    const after = answerOf(filled);
    expect(after).toEqual({ ...before, tookMs: 0.04 });
    expect(filled.length).toBe(page(NONCE, ID, "12.5").length);
  });

  it("refuse a page that names tookMs other than as the answer's key, and tokens too short to be unique", () => {
    expect(pageTemplate(page(NONCE, ID, "1", "tookMs trong bài"), { nonce: NONCE, requestId: ID })).toBeNull();
    const twice = page(NONCE, ID, "1") + page(NONCE, ID, "2");
    expect(pageTemplate(twice, { nonce: NONCE, requestId: ID })).toBeNull();
    expect(pageTemplate(page("abc", ID, "1"), { nonce: "abc", requestId: ID })).toBeNull();
  });

  it("refuse a page whose answer's own text looks like its tookMs key (which of the two is the key is not known)", () => {
    const html = page(NONCE, ID, "7", ',"tookMs":9');
    expect(pageTemplate(html, { nonce: NONCE, requestId: ID })).toBeNull();
  });

  it("cut the tookMs of a short answer written in place, a JSON string inside the payload's row", () => {
    const inPlace = (took: string) => {
      const row = `5:["$","$L6",null,{"initialJson":${JSON.stringify(`{"total":0,"tookMs":${took},"hits":[]}`)}}]\n`;
      return `<script nonce="${NONCE}">self.__next_f.push([1,${JSON.stringify(row)}])</script><i>${ID}</i>`;
    };
    const template = pageTemplate(inPlace("7.53"), { nonce: NONCE, requestId: ID })!;
    expect(template.cuts).toEqual(["nonce", "took", "requestId"]);
    expect(fillTemplate(template, { nonce: NONCE, requestId: ID, tookMs: 0.04 })!.toString()).toBe(inPlace("0.04"));
  });

  it("a page without an answer has no tookMs cut", () => {
    const html = `<script nonce="${NONCE}">x</script><p>${ID}</p>`;
    const template = pageTemplate(html, { nonce: NONCE, requestId: ID })!;
    expect(template.cuts).toEqual(["nonce", "requestId"]);
    expect(fillTemplate(template, { nonce: "n".repeat(24), requestId: "i".repeat(36), tookMs: 123456 })!.toString()).toBe(
      `<script nonce="${"n".repeat(24)}">x</script><p>${"i".repeat(36)}</p>`,
    );
  });
});

describe("tookText", () => {
  it("writes the value in exactly the width, as JSON that reads back within the rounding", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 5000, noNaN: true }), fc.integer({ min: 1, max: 8 }), (ms, width) => {
        const text = tookText(ms, width);
        const whole = JSON.stringify(Math.round(ms));
        if (whole.length > width) {
          expect(text).toBeNull();
          return;
        }
        expect(text).toHaveLength(width);
        const read = JSON.parse(`{"t":${text}}`).t as number;
        const wanted = Math.round(ms * 100) / 100;
        // As precise as the width allows: hundredths when they fit, then tenths, then whole ms.
        const tolerance = JSON.stringify(wanted).length <= width ? 0 : JSON.stringify(Math.round(ms * 10) / 10).length <= width ? 0.05 : 0.5;
        expect(Math.abs(read - wanted)).toBeLessThanOrEqual(tolerance + 1e-9);
      }),
    );
  });

  it("pads with spaces, and rounds to fit", () => {
    expect(tookText(0.04, 6)).toBe("0.04  ");
    expect(tookText(0.04, 1)).toBe("0");
    expect(tookText(12.34, 3)).toBe("12 ");
    expect(tookText(12.34, 4)).toBe("12.3");
    expect(tookText(123, 2)).toBeNull();
  });
});
