// What the HTTP server hands to every loader and action (see server/index.ts).
export interface UpstreamLoadContext {
  /** The client's address: the socket's peer, or the proxy-reported one when TRUST_PROXY is set. */
  clientIp: string;
  requestId: string;
  cspNonce: string;
}

declare module "@remix-run/node" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends UpstreamLoadContext {}
}
