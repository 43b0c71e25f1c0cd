"use client";

import { useId, useState } from "react";
import { AppLink } from "@/components/links/AppLink";
import { DateLine } from "@/components/results/DateLine";
import type { SearchQuery, StoryInfo } from "@/lib/api/contract";
import { othersLabel, republishedLabel } from "@/lib/ui/story-labels";
import { articleHref } from "@/lib/url/links";

/** "4 bài khác về sự kiện này": a button that shows the story's other reports, each with its outlet and date. */
export function StoryOthers({ story, query }: { story: StoryInfo; query: SearchQuery }) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  const count = story.reports - 1;
  if (count < 1) return null;
  return (
    <div className="mt-2" data-testid="story">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen(!open)}
        className="rounded-md border border-zinc-400 px-2 py-0.5 text-sm hover:bg-zinc-100 dark:border-zinc-600 dark:hover:bg-zinc-800"
      >
        <span aria-hidden="true">{open ? "▾" : "▸"} </span>
        {othersLabel(count)}
      </button>
      <ul id={listId} hidden={!open} aria-label="Bài khác về sự kiện này" className="mt-2 space-y-2 border-l-2 border-zinc-300 pl-3 dark:border-zinc-700">
        {story.others.map((o) => (
          <li key={o.id} data-testid="story-other">
            <AppLink href={articleHref(o.id, query)} className="text-blue-800 hover:underline dark:text-blue-300">
              {o.title}
            </AppLink>
            <DateLine outlet={o.outlet?.name ?? null} date={o.date} estimated={o.dateEstimated} />
            {o.republishedBy > 0 && <p className="text-sm text-zinc-700 dark:text-zinc-300">{republishedLabel(o.republishedBy)}</p>}
          </li>
        ))}
        {count > story.others.length && <li className="text-sm text-zinc-700 dark:text-zinc-300">… và {count - story.others.length} bài khác</li>}
      </ul>
    </div>
  );
}
