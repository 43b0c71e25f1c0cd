"use client";

import Form from "next/form";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { isOwnQuery, useEndTypingOnPopState, useSearch } from "@/components/search/use-search";
import { MAX_QUERY_LENGTH } from "@/lib/url/search-params";

const DEBOUNCE_MS = 250;

/**
 * The search box. Without JavaScript it is a plain GET form. With it, results follow
 * the typing: the first pause pushes one history entry and later pauses replace it, so
 * Back returns to the last committed search; Enter commits the words.
 * `live={false}` (on a bad-URL page) keeps it a plain form that starts a clean search.
 */
export function SearchBox({
  live = true,
  hidden = {},
  initialText = "",
}: {
  live?: boolean;
  hidden?: Record<string, string[]>;
  /** On a bad-URL page: the link's words, kept in the box. */
  initialText?: string;
}) {
  const { state, typeQuery, commitQuery } = useSearch();
  const stateQ = state.q ?? "";
  const [text, setText] = useState(live ? stateQ : initialText);
  const input = useRef<HTMLInputElement>(null);
  const urlQ = stateQ.trim();

  // Back/Forward or a suggestion link changed the words: show them.
  const [seenQ, setSeenQ] = useState(urlQ);
  if (live && urlQ !== seenQ) {
    setSeenQ(urlQ);
    if (!isOwnQuery(urlQ) && text.trim() !== urlQ) setText(stateQ);
  }

  useEffect(() => {
    if (!live || text.trim() === urlQ) return;
    const timer = setTimeout(() => void typeQuery(text.trim()), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [live, text, urlQ, typeQuery]);
  useEndTypingOnPopState();

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "/" || takesText(e.target) || e.metaKey || e.ctrlKey || e.altKey) return;
      e.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    if (!live) return; // a real GET to a clean search
    e.preventDefault();
    void commitQuery(text.trim());
  };
  const clear = () => {
    setText("");
    void commitQuery("");
    input.current?.focus();
  };

  return (
    <Form action="/" role="search" onSubmit={onSubmit} className="flex gap-2">
      <label htmlFor="q" className="sr-only">
        Tìm kiếm tin tức
      </label>
      <div className="relative min-w-0 flex-1">
        <input
          ref={input}
          id="q"
          name="q"
          type="search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          maxLength={MAX_QUERY_LENGTH}
          placeholder="Tìm tin, ví dụ: hòa bình Ukraine"
          aria-keyshortcuts="/"
          autoComplete="off"
          className="w-full rounded-md border border-zinc-400 bg-white py-2 pr-9 pl-3 text-base dark:border-zinc-600 dark:bg-zinc-900"
        />
        {text && (
          <button
            type="button"
            onClick={clear}
            aria-label="Xóa nội dung tìm kiếm"
            className="absolute inset-y-0 right-0 px-3 text-zinc-600 hover:text-zinc-900 dark:text-zinc-300 dark:hover:text-white"
          >
            ✕
          </button>
        )}
      </div>
      {Object.entries(hidden).flatMap(([name, values]) =>
        values.map((v) => <input key={`${name}=${v}`} type="hidden" name={name} value={v} />),
      )}
      <button type="submit" className="rounded-md bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800">
        Tìm
      </button>
    </Form>
  );
}

/** Input types that take typed text: a "/" typed there is the user's. Checkboxes and buttons do not. */
const NON_TEXT_INPUTS = new Set(["checkbox", "radio", "button", "submit", "reset", "range", "color", "file", "image"]);

function takesText(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  return target instanceof HTMLInputElement && !NON_TEXT_INPUTS.has(target.type);
}
