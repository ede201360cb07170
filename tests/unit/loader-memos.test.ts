// The loaders of one HTTP request share per-request memos (the signed-in person, the team scope),
// although Remix gives each loader its own copy of the Request; actions keep their own.
import type { ServerBuild } from "@remix-run/node";
import { describe, expect, test } from "vitest";
import { requestKey } from "~/utils/request-key.server";
import { shareLoaderMemos } from "../../server/loader-memos";

type Run = (args: { request: Request; params: object; context: object }) => Promise<unknown>;

const module = Object.freeze({
  loader: async ({ request }: { request: Request }) => requestKey(request),
  action: async ({ request }: { request: Request }) => requestKey(request),
  default: () => null,
});
const build = {
  mode: "production",
  routes: {
    root: { id: "root", path: "", module },
    "routes/page": { id: "routes/page", parentId: "root", path: "page", module },
  },
  assets: { version: "1" },
} as unknown as ServerBuild;
const wrapped = shareLoaderMemos(build);
const rootLoader = wrapped.routes.root!.module.loader as Run;
const pageLoader = wrapped.routes["routes/page"]!.module.loader as Run;
const pageAction = wrapped.routes["routes/page"]!.module.action as Run;

/** What Remix passes each loader of one HTTP request: a fresh copy of the Request, the one context. */
function httpRequest() {
  const context = { requestId: crypto.randomUUID() };
  return { args: () => ({ request: new Request("http://x/page"), params: {}, context }) };
}

describe("shareLoaderMemos", () => {
  test("the root loader and the page's loader of one HTTP request share one memo key", async () => {
    const one = httpRequest();
    const [a, b] = await Promise.all([rootLoader(one.args()), pageLoader(one.args())]);
    expect(a).toBe(b);
  });

  test("two HTTP requests never share a key", async () => {
    expect(await pageLoader(httpRequest().args())).not.toBe(await pageLoader(httpRequest().args()));
  });

  test("an action keeps its own key, so the loaders after it see what it changed", async () => {
    const one = httpRequest();
    const args = one.args();
    expect(await pageAction(args)).toBe(args.request);
    expect(await pageLoader(one.args())).not.toBe(args.request);
  });

  test("a Request no server tied (a test calling a loader directly) is its own key", () => {
    const request = new Request("http://x/");
    expect(requestKey(request)).toBe(request);
  });
});
