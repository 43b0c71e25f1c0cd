"use client";

import { useId, useState } from "react";

const WHY = "Ngày được suy ra từ nội dung bài, không có trong dữ liệu gốc";

/**
 * "ước tính" next to a date inferred from the text. A button, so a tap or Enter shows why
 * (a hover title alone reaches neither touch screens nor keyboards); Escape hides it again.
 */
export function EstimatedBadge() {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <span className="relative ml-1.5 inline-block">
      <button
        type="button"
        title={WHY}
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
        onKeyDown={(e) => {
          if (e.key === "Escape") setOpen(false);
        }}
        onBlur={() => setOpen(false)}
        className="rounded border border-amber-600 px-1 text-xs text-amber-800 dark:border-amber-400 dark:text-amber-200"
      >
        ước tính
      </button>
      <span
        id={id}
        role="note"
        hidden={!open}
        className="absolute top-full left-0 z-10 mt-1 w-60 rounded-md border border-zinc-300 bg-white p-2 text-xs text-zinc-800 shadow-md dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-100"
      >
        {WHY}.
      </span>
    </span>
  );
}
