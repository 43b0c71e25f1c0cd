// What query-alloc.ts and people-alloc.ts share to read V8's sampling heap profiler through the
// inspector: a profile's node, a promised `Session.post`, and a node's label (`name file:line`).
import type { Session } from "node:inspector";

export interface ProfileNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: ProfileNode[];
}

export function post<T>(session: Session, method: string, params: object = {}): Promise<T> {
  return new Promise((resolve, reject) => session.post(method, params, (err, res) => (err ? reject(err) : resolve(res as T))));
}

export const labelOf = ({ functionName, url, lineNumber }: ProfileNode["callFrame"]) =>
  `${functionName || "(anonymous)"} ${url.replace(/^.*\/(lib|scripts|node_modules)\//, "$1/")}:${lineNumber + 1}`;
