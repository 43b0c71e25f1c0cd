"use client";

import { useId, useState } from "react";
import { useNavigate } from "@/components/search/use-search";
import type { SearchQuery } from "@/lib/api/contract";
import { orderedRange } from "@/lib/ui/dates";
import { isoToTyped, maskTyped, parseTyped } from "@/lib/ui/date-input";

/** From/to dates typed as dd/mm/yyyy; a reversed range is swapped, not refused. */
export function DateInputs({ query }: { query: SearchQuery }) {
  const navigate = useNavigate();
  const hint = useId();
  const set = (end: "from" | "to", iso: string | null) => {
    const next = { from: query.from, to: query.to, [end]: iso };
    void navigate({ ...query, ...orderedRange(next.from, next.to), page: 1 });
  };
  return (
    <div>
      <div className="grid grid-cols-2 gap-2">
        <DateField label="Từ ngày" value={query.from} hint={hint} onDate={(iso) => set("from", iso)} />
        <DateField label="Đến ngày" value={query.to} hint={hint} onDate={(iso) => set("to", iso)} />
      </div>
      <p id={hint} className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
        Nhập ngày/tháng/năm, ví dụ 01/08/2025
      </p>
    </div>
  );
}

/**
 * One date field. Its text is its own while typing: the search changes only when the
 * text is a whole, real date (or is emptied), so a half-typed year never reaches the URL.
 */
function DateField({ label, value, hint, onDate }: { label: string; value: string | null; hint: string; onDate: (iso: string | null) => void }) {
  const [text, setText] = useState(isoToTyped(value));
  const error = useId();
  // The URL's date changed elsewhere (a histogram bar, a chip removed, Back): show it.
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    setText(isoToTyped(value));
  }
  const invalid = parseTyped(text).kind === "invalid";
  const onChange = (typed: string) => {
    const next = maskTyped(text, typed);
    setText(next);
    const parsed = parseTyped(next);
    if (parsed.kind === "date" && parsed.iso !== value) onDate(parsed.iso);
    if (parsed.kind === "empty" && value) onDate(null);
  };
  return (
    <div className="text-sm">
      <label>
        {label}
        <input
          type="text"
          inputMode="numeric"
          autoComplete="off"
          placeholder="dd/mm/yyyy"
          value={text}
          onChange={(e) => onChange(e.target.value)}
          aria-describedby={invalid ? `${error} ${hint}` : hint}
          aria-invalid={invalid || undefined}
          className={`w-full min-w-0 rounded-md border bg-white px-2 py-1 text-sm tabular-nums dark:bg-zinc-900 ${
            invalid ? "border-red-600 dark:border-red-400" : "border-zinc-400 dark:border-zinc-600"
          }`}
        />
      </label>
      <p id={error} aria-live="polite" className="text-xs text-red-700 dark:text-red-300">
        {invalid ? "Ngày không hợp lệ" : ""}
      </p>
    </div>
  );
}
