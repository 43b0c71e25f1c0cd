"use client";

import { createContext, useContext, type ReactNode } from "react";

// The id proxy.ts gave the request that rendered this page; the server's log lines carry it.
const RequestIdContext = createContext<string | null>(null);

export function RequestIdProvider({ id, children }: { id: string | null; children: ReactNode }) {
  return <RequestIdContext.Provider value={id}>{children}</RequestIdContext.Provider>;
}

export function useRequestId(): string | null {
  return useContext(RequestIdContext);
}
