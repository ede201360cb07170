// Response headers for every page: an enforced Content-Security-Policy carrying a per-request
// nonce (the only way an inline script runs), and the usual hardening headers.
import crypto from "node:crypto";
import helmet from "helmet";
import type { RequestHandler } from "express";

export function createNonce() {
  return crypto.randomBytes(16).toString("base64");
}

export function securityHeaders({ isProduction, liveReloadPort }: { isProduction: boolean; liveReloadPort?: number }) {
  const connectSrc = ["'self'"];
  // The development server's live reload uses a websocket on its own port.
  if (liveReloadPort) connectSrc.push(`ws://localhost:${liveReloadPort}`, `ws://127.0.0.1:${liveReloadPort}`);
  const middleware = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        "default-src": ["'self'"],
        "script-src": ["'self'", (_req, res) => `'nonce-${(res as unknown as { locals: { cspNonce: string } }).locals.cspNonce}'`],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": connectSrc,
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        // No upgrade-insecure-requests: the zero-setup start serves plain http://localhost.
        "upgrade-insecure-requests": null,
      },
    },
    // HSTS only means something over HTTPS; browsers ignore it on plain HTTP.
    strictTransportSecurity: isProduction ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    crossOriginEmbedderPolicy: false,
    xFrameOptions: { action: "deny" },
  });
  const withNonce: RequestHandler = (req, res, next) => {
    res.locals.cspNonce = createNonce();
    middleware(req, res, next);
  };
  return withNonce;
}
