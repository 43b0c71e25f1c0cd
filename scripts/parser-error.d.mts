/** See parser-error.mjs. */
export function parserErrorResponse(code: string | undefined, rawPacket: Buffer | undefined): Buffer;
