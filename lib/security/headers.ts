/**
 * Security headers. The CSP carries a fresh nonce per request (set by proxy.ts); Next
 * reads it from the request's CSP header and puts it on its own inline scripts.
 */

/** Where the nonce goes in the policy: each mode's policy is built once, as the text before and after it. */
const NONCE_SLOT = "\u0000nonce\u0000";
const templates = new Map<boolean, [string, string]>();

/** The Content-Security-Policy for one response. */
export function contentSecurityPolicy(nonce: string, { dev = false } = {}): string {
  let parts = templates.get(dev);
  if (!parts) {
    const [before, after] = buildPolicy(NONCE_SLOT, dev).split(NONCE_SLOT);
    parts = [before, after];
    templates.set(dev, parts);
  }
  return parts[0] + nonce + parts[1];
}

function buildPolicy(nonce: string, dev: boolean): string {
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    // 'strict-dynamic': scripts Next loads from a nonced script are trusted too.
    // React needs eval only for its development-mode call stacks.
    "script-src": ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    // Styles come from our stylesheet; inline style attributes (React's style={…}) are allowed.
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'", ...(dev ? ["ws:"] : [])],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(" ")}`)
    .join("; ");
}

/**
 * Random bytes drawn in blocks: one call to the system's generator per 256 nonces rather than
 * one per response (each call, through Next.js's wrapper of `crypto`, cost about as much as the
 * rest of a kept answer's headers; docs/history/performance-log.md, api13). Every nonce still takes its
 * own 16 bytes of the generator's output, used once.
 */
const POOL = new Uint8Array(16 * 256);
let poolAt = POOL.length;

/** A nonce: 128 random bits, base64. */
export function newNonce(): string {
  if (poolAt === POOL.length) {
    crypto.getRandomValues(POOL);
    poolAt = 0;
  }
  const bytes = POOL.subarray(poolAt, poolAt + 16);
  poolAt += 16;
  return btoa(String.fromCharCode(...bytes));
}

/** Headers every response gets, static files included (see next.config.ts). */
export const STATIC_SECURITY_HEADERS: { key: string; value: string }[] = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  {
    key: "Permissions-Policy",
    value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
  },
  // For browsers that predate frame-ancestors.
  { key: "X-Frame-Options", value: "DENY" },
];

/**
 * What proxy.ts adds to a response, for a route it does not run for (app/api/search: the
 * proxy is Next.js middleware, whose request and response adapters cost more than the rest of
 * a kept answer's route; docs/history/performance-log.md, scale9): a CSP with a fresh nonce (no script
 * runs from JSON, but every answer keeps the same policy) and the request id.
 */
export function proxyHeaders(upstreamRequestId: string | null): [string, string][] {
  return [
    ["Content-Security-Policy", contentSecurityPolicy(newNonce(), { dev: process.env.NODE_ENV === "development" })],
    ["X-Request-Id", requestIdFrom(upstreamRequestId)],
  ];
}

/** A request id we accept from upstream (a proxy in front of us), else we make one. */
export function requestIdFrom(header: string | null): string {
  return header && /^[A-Za-z0-9._-]{8,64}$/.test(header) ? header : crypto.randomUUID();
}
