"use client";

import { useState, type ReactNode } from "react";

/** The facets: a sidebar on wide screens, a panel behind a "Bộ lọc" button on phones. */
export function FacetPanel({ active, children }: { active: number; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <div>
      <button
        type="button"
        onClick={() => setOpen(!open)}
        aria-expanded={open}
        aria-controls="facets"
        className="w-full rounded-md border border-zinc-400 px-3 py-2 text-left font-medium md:hidden dark:border-zinc-600"
      >
        Bộ lọc{active > 0 ? ` (${active})` : ""} <span aria-hidden="true">{open ? "▲" : "▼"}</span>
      </button>
      <div id="facets" className={`${open ? "block" : "hidden"} mt-3 space-y-6 md:mt-0 md:block`}>
        {children}
      </div>
    </div>
  );
}
