"use client";

import { useRouter } from "next/navigation";
import type { ComponentProps, MouseEvent } from "react";
import { isPlainClick } from "@/lib/ui/plain-click";
import { appHref } from "@/lib/url/app-href";

type Props = Omit<ComponentProps<"a">, "href"> & { href: string };

/**
 * A link to another page of the app (an article, a person), never prefetched: a plain click
 * goes through Next's router (`router.push`, what next/link's click does), any other click
 * is the browser's. A plain `<a>`, not next/link, because a results page renders dozens of
 * them on the server per request and next/link's per-link hooks (its prefetch and status
 * machinery, unused here) were 2.8% of a computed page's server CPU by profile
 * (docs/history/performance-log.md, page19). The markup is next/link's: the given
 * attributes, then `href` as next/link writes it.
 */
export function AppLink({ href, onClick, ...rest }: Props) {
  const router = useRouter();
  const click = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || !isPlainClick(e, e.currentTarget.getAttribute("target"))) return;
    e.preventDefault();
    router.push(href);
  };
  return <a {...rest} href={appHref(href)} onClick={click} />;
}
