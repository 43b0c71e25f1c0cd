"use client";

import { useState, type ReactNode } from "react";
import { showResults } from "@/components/search/show-results";
import { formatCountVi } from "@/lib/format";

/**
 * The facets: a sidebar on wide screens, a panel behind a "Bộ lọc" button on phones. On a
 * phone the panel covers the results, so it ends with "Xem N kết quả", which closes it.
 */
export function FacetPanel({ active, total, children }: { active: number; total: number; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const show = () => {
    setOpen(false);
    showResults();
  };
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
        <button
          type="button"
          onClick={show}
          className="sticky bottom-2 w-full rounded-md bg-blue-700 px-3 py-2 font-medium text-white shadow-lg hover:bg-blue-800 md:hidden"
        >
          Xem {formatCountVi(total)} kết quả
        </button>
      </div>
    </div>
  );
}
