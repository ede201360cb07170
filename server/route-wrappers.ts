// Every route's loader and action, wrapped once where the build is handed to the request handler
// (server/index.ts): the way to add behaviour to all of them without touching each route.
import type { ActionFunction, LoaderFunction, ServerBuild } from "@remix-run/node";

export type DataFunction = LoaderFunction | ActionFunction;
export type DataFunctionKind = "loader" | "action";

/** The same build, with each loader and action replaced by `wrap(routeId, kind, original)`. */
export function wrapDataFunctions(
  build: ServerBuild,
  wrap: (routeId: string, kind: DataFunctionKind, run: DataFunction) => DataFunction,
): ServerBuild {
  const routes: ServerBuild["routes"] = {};
  for (const [id, route] of Object.entries(build.routes)) {
    // Route modules are ES module namespaces (read-only): copy, then replace.
    const module = { ...route.module };
    if (module.loader) module.loader = wrap(id, "loader", module.loader);
    if (module.action) module.action = wrap(id, "action", module.action);
    routes[id] = { ...route, module };
  }
  return { ...build, routes };
}
