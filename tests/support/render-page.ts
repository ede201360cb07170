// Whole pages rendered to HTML as the server sends them: Remix's own request handler with a
// server build put together from app/root.tsx, app/entry.server.tsx and every route module (the
// route tree read with Remix's flat-routes convention), so a GET runs the real loaders of the
// matched routes and renders the real components, layouts and document shell. Only the browser
// assets are stand-ins (no bundle is built). For tests of what a page shows, e.g. that user text
// is escaped.
import fs from "node:fs";
import path from "node:path";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
// The public (if UNSAFE_-named) export of the convention Remix itself reads app/routes with.
import { UNSAFE_flatRoutes as flatRoutes } from "@remix-run/dev";
import * as entryServer from "~/entry.server";
import * as root from "~/root";
import remixConfig from "../../remix.config.js";
import { getRequest, testContext } from "./http";

const APP_DIR = path.resolve(import.meta.dirname, "../../app");

type RouteModuleExports = ServerBuild["routes"][string]["module"];

let handler: Promise<ReturnType<typeof createRequestHandler>> | undefined;

async function buildServer(): Promise<ServerBuild> {
  const manifest = flatRoutes(APP_DIR, remixConfig.ignoredRouteFiles ?? []);
  const routes: ServerBuild["routes"] = {
    root: { id: "root", path: "", module: root as unknown as RouteModuleExports },
  };
  const assets: ServerBuild["assets"]["routes"] = {};
  const describe = (id: string, parentId: string | undefined, module: RouteModuleExports, route: { path?: string; index?: boolean }) => ({
    id,
    parentId,
    path: route.path,
    index: route.index,
    module: `/build/${id}.js`,
    hasAction: "action" in module,
    hasLoader: "loader" in module,
    hasClientAction: false,
    hasClientLoader: false,
    hasErrorBoundary: "ErrorBoundary" in module,
    imports: [],
  });
  assets.root = describe("root", undefined, routes.root!.module, { path: "" });
  for (const route of Object.values(manifest)) {
    const file = path.join(APP_DIR, route.file);
    if (!fs.existsSync(file)) throw new Error(`Route file not found: ${file}`);
    const module = (await import(/* @vite-ignore */ file)) as RouteModuleExports;
    const parentId = route.parentId ?? "root";
    routes[route.id] = { id: route.id, parentId, path: route.path, index: route.index, caseSensitive: route.caseSensitive, module };
    assets[route.id] = describe(route.id, parentId, module, route);
  }
  return {
    mode: "production",
    entry: { module: entryServer as unknown as ServerBuild["entry"]["module"] },
    routes,
    assets: { entry: { module: "/build/entry.client.js", imports: [] }, routes: assets, url: "/build/manifest.js", version: "test" },
    publicPath: "/build/",
    assetsBuildDirectory: "public/build",
    future: {
      v3_fetcherPersist: true,
      v3_relativeSplatPath: true,
      v3_throwAbortReason: true,
      v3_lazyRouteDiscovery: true,
      v3_singleFetch: false,
      ...remixConfig.future,
    },
    isSpaMode: false,
  };
}

/**
 * GET `url` as the signed-in person (`cookie`) and return the answer with its body as text: the
 * page's HTML, or a download such as a CSV. A redirect is returned as it is, not followed.
 */
export async function renderPage(url: string, cookie?: string): Promise<{ status: number; headers: Headers; html: string }> {
  handler ??= buildServer().then((build) => createRequestHandler(build, "production"));
  const request = getRequest(url, { cookie, headers: { "User-Agent": "Googlebot/2.1" } });
  const response = await (await handler)(request, testContext);
  return { status: response.status, headers: response.headers, html: await response.text() };
}
