"use client";

import type { ComponentProps, MouseEvent } from "react";
import { useNavigate } from "@/components/search/use-search";
import { isPlainClick } from "@/lib/ui/plain-click";
import type { SearchQuery } from "@/lib/api/contract";
import { searchHref } from "@/lib/url/search-params";

type Props = Omit<ComponentProps<"a">, "href" | "onClick"> & { query: SearchQuery; scrollTop?: boolean };

/**
 * A real link to a search (it can be opened in a new tab or shared); a plain click
 * updates the URL in place and pushes a history entry instead of reloading the page.
 * A plain `<a>`, not next/link: the click never reaches the router (a plain click is
 * handled here, a modified one is the browser's), so next/link (without prefetch) would
 * write the same `<a>` at a cost for each of the page's up to ~80 of these (histogram
 * bars, quick ranges, chips, pages).
 */
export function FilterLink({ query, scrollTop, ...rest }: Props) {
  const navigate = useNavigate();
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (!isPlainClick(e, e.currentTarget.getAttribute("target"))) return;
    e.preventDefault();
    void navigate(query);
    if (scrollTop) window.scrollTo({ top: 0 });
  };
  return <a {...rest} href={searchHref(query)} onClick={onClick} />;
}
