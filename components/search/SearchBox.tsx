"use client";

import Form from "next/form";
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent as ReactKeyboardEvent } from "react";
import { isOwnQuery, useEndTypingOnPopState, useSearch } from "@/components/search/use-search";
import { useSuggestions } from "@/components/search/use-suggestions";
import type { Suggestion } from "@/lib/suggest/suggest-index";
import { EMPTY_QUERY, MAX_QUERY_LENGTH, searchHref } from "@/lib/url/search-params";

const KIND_LABELS: Record<Suggestion["kind"], string> = { person: "Người", outlet: "Báo", phrase: "Cụm từ" };

const DEBOUNCE_MS = 250;

/**
 * The search box. Without JavaScript it is a plain GET form. With it, results follow
 * the typing: the first pause pushes one history entry and later pauses replace it, so
 * Back returns to the last committed search; Enter commits the words.
 * It is also a combobox (the ARIA pattern): completions of the typed words (people, outlets,
 * phrases) are offered below it; Down and Up move through them, Enter takes one, Escape
 * closes the list. A person or an outlet becomes a filter, a phrase becomes the words.
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
  const { state, parsed, typeQuery, commitQuery, navigate } = useSearch();
  const stateQ = state.q ?? "";
  const [text, setText] = useState(live ? stateQ : initialText);
  const input = useRef<HTMLInputElement>(null);
  // Suggestions follow what the reader types, not words set from the URL.
  const [typed, setTyped] = useState<string | null>(null);
  const suggestions = useSuggestions(typed);
  const [active, setActive] = useState(-1);
  const listId = useId();
  const open = suggestions.length > 0;
  const optionId = (i: number) => `${listId}-${i}`;
  const close = () => {
    setTyped(null);
    setActive(-1);
  };
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

  const choose = (s: Suggestion) => {
    close();
    const base = parsed.ok ? parsed.query : EMPTY_QUERY;
    const next =
      s.kind === "phrase"
        ? null
        : {
            ...base,
            q: "",
            page: 1,
            // Without words there is no relevance: such a search lists newest first.
            sort: base.sort === "relevance" ? ("newest" as const) : base.sort,
            [s.kind]: base[s.kind].includes(s.id!) ? base[s.kind] : [...base[s.kind], s.id!],
          };
    setText(next ? "" : s.text);
    if (!live) {
      window.location.assign(next ? searchHref(next) : searchHref({ q: s.text }));
    } else if (next) {
      void navigate(next);
    } else {
      void commitQuery(s.text);
    }
  };

  const onKeyDown = (e: ReactKeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      if (!open) {
        if (text.trim()) setTyped(text);
        return;
      }
      e.preventDefault();
      const step = e.key === "ArrowDown" ? 1 : -1;
      // Past either end the focus returns to the typed words (-1), as in the APG example.
      setActive((i) => ((i + step + 1 + suggestions.length + 1) % (suggestions.length + 1)) - 1);
    } else if (e.key === "Enter" && open && active >= 0) {
      e.preventDefault();
      choose(suggestions[active]);
    } else if (e.key === "Escape" && open) {
      e.preventDefault(); // close the list; a second Escape clears the box as usual
      close();
    }
  };

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    close();
    if (!live) return; // a real GET to a clean search
    e.preventDefault();
    void commitQuery(text.trim());
  };
  const clear = () => {
    close();
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
          role="combobox"
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open && active >= 0 ? optionId(active) : undefined}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setTyped(e.target.value);
            setActive(-1);
          }}
          onKeyDown={onKeyDown}
          onBlur={close}
          maxLength={MAX_QUERY_LENGTH}
          placeholder="Tìm tin, ví dụ: hòa bình Ukraine"
          aria-keyshortcuts="/"
          autoComplete="off"
          className="w-full rounded-md border border-zinc-400 bg-white py-2 pr-9 pl-3 text-base dark:border-zinc-600 dark:bg-zinc-900"
        />
        <ul
          id={listId}
          role="listbox"
          aria-label="Gợi ý"
          hidden={!open}
          data-testid="suggestions"
          className="absolute inset-x-0 top-full z-20 mt-1 overflow-hidden rounded-md border border-zinc-400 bg-white shadow-lg dark:border-zinc-600 dark:bg-zinc-900"
        >
          {suggestions.map((s, i) => (
            <li
              key={`${s.kind}:${s.id ?? s.text}`}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              // mousedown, not click: the box keeps the focus, so the list is still there
              onMouseDown={(e) => {
                e.preventDefault();
                choose(s);
              }}
              className={`flex cursor-pointer items-baseline justify-between gap-3 px-3 py-1.5 ${i === active ? "bg-blue-100 dark:bg-blue-900" : "hover:bg-zinc-100 dark:hover:bg-zinc-800"}`}
            >
              <span className="min-w-0 truncate">{s.text}</span>
              <span className="shrink-0 text-xs text-zinc-700 dark:text-zinc-300">{KIND_LABELS[s.kind]}</span>
            </li>
          ))}
        </ul>
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
      {Object.entries(hidden).flatMap(([name, values]) => values.map((v) => <input key={`${name}=${v}`} type="hidden" name={name} value={v} />))}
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
