"use client";

import { useEffect, useState } from "react";
import type { Suggestion } from "@/lib/suggest/suggest-index";

const DELAY_MS = 60;

/** Completions of `prefix` from `/api/suggest`; `null` asks for none. Stale answers are dropped. */
export function useSuggestions(prefix: string | null): Suggestion[] {
  const [result, setResult] = useState<{ prefix: string; suggestions: Suggestion[] }>({ prefix: "", suggestions: [] });
  useEffect(() => {
    if (prefix === null || !prefix.trim()) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const res = await fetch(`/api/suggest?q=${encodeURIComponent(prefix)}`, { signal: controller.signal });
        if (!res.ok) return;
        const body = (await res.json()) as { suggestions: Suggestion[] };
        setResult({ prefix, suggestions: body.suggestions });
      } catch {
        // Aborted or offline: suggestions are a convenience, the search still works.
      }
    }, DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [prefix]);
  return prefix !== null && result.prefix === prefix ? result.suggestions : [];
}
