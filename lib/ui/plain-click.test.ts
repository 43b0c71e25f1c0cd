import { describe, expect, it } from "vitest";
import { isPlainClick, type ClickLike } from "@/lib/ui/plain-click";

const click: ClickLike = { button: 0, metaKey: false, ctrlKey: false, shiftKey: false, altKey: false };

describe("isPlainClick", () => {
  it("takes a primary click without modifiers, in the link's own frame", () => {
    expect(isPlainClick(click)).toBe(true);
    expect(isPlainClick(click, "_self")).toBe(true);
  });

  it.each(["metaKey", "ctrlKey", "shiftKey", "altKey"] as const)("leaves a click with %s to the browser (new tab, window, download)", (key) => {
    expect(isPlainClick({ ...click, [key]: true })).toBe(false);
  });

  it("leaves the middle and right buttons to the browser", () => {
    expect(isPlainClick({ ...click, button: 1 })).toBe(false);
    expect(isPlainClick({ ...click, button: 2 })).toBe(false);
  });

  it("leaves a link that opens in another frame or tab to the browser", () => {
    expect(isPlainClick(click, "_blank")).toBe(false);
    expect(isPlainClick(click, "other")).toBe(false);
  });
});
