// Which clicks on a link the page may handle in place. Any other click (a new tab or window,
// a download, a middle or right button, a link meant for another frame) is left to the
// browser, as next/link leaves it (its `isModifiedEvent`).

/** The parts of a mouse event that decide it. */
export interface ClickLike {
  button: number;
  metaKey: boolean;
  ctrlKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** A primary click without modifier keys, on a link that opens in its own frame (`target`). */
export function isPlainClick(e: ClickLike, target: string | null = null): boolean {
  if (target && target !== "_self") return false;
  return e.button === 0 && !e.metaKey && !e.ctrlKey && !e.shiftKey && !e.altKey;
}
