"use client";

import { useNavigate } from "@/components/search/use-search";
import type { SearchQuery } from "@/lib/api/contract";

/** "Gộp tin cùng sự kiện": each story once (the default), or every article on its own (`group=0`). */
export function GroupSwitch({ query }: { query: SearchQuery }) {
  const navigate = useNavigate();
  const on = query.group !== false;
  return (
    <label className="flex items-center gap-2 text-sm">
      <input type="checkbox" role="switch" checked={on} onChange={() => void navigate({ ...query, group: !on, page: 1 })} className="h-4 w-4" />
      <span>Gộp tin cùng sự kiện</span>
    </label>
  );
}
