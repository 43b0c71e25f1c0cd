import type { Socket } from "node:net";

/** See parser-error.mjs. */
export function rememberRequestLines(socket: Socket): void;
/** See parser-error.mjs. */
export function parserErrorResponse(code: string | undefined, rawPacket: Buffer | undefined, socket?: Socket): Buffer;
