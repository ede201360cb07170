/** @type {import('@remix-run/dev').AppConfig} */
export default {
  // The HTTP server (server/index.ts) is compiled into the same bundle as the app, so it shares
  // one module graph with it: one Prisma client, one database handle, one job runner.
  server: "./server/index.ts",
  serverBuildPath: "build/index.js",
  serverModuleFormat: "esm",
  serverPlatform: "node",
  // Native and WebAssembly packages are loaded from node_modules at run time, not bundled.
  serverDependenciesToBundle: [],
  ignoredRouteFiles: ["**/.*", "**/*.test.*", "**/*.server.*"],
  tailwind: true,
  postcss: true,
  watchPaths: ["./server/**/*.ts"],
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    // Single fetch changes how loaders serialise data; we stay on the classic json() responses.
    v3_singleFetch: false,
  },
};
