"use client";

import { RESULTS_ID, showResults } from "@/components/search/show-results";

/** The first stop of Tab: straight to the results, past the box and every filter. */
export function SkipLink() {
  return (
    <a
      href={`#${RESULTS_ID}`}
      onClick={(e) => {
        // Focus without a #fragment in the address, which is the search's shareable link.
        e.preventDefault();
        showResults();
      }}
      className="sr-only rounded-md bg-blue-700 px-3 py-2 font-medium text-white focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-10"
    >
      Bỏ qua đến kết quả
    </a>
  );
}
