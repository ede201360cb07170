// The app's route files and the URLs they answer, worked out from Remix's flat file naming
// (`requests.$number_.rate.tsx` → /requests/:number/rate, `dashboards.service[.]csv.ts` →
// /dashboards/service.csv), so tests that must cover every route find new ones by themselves.
import fs from "node:fs";
import path from "node:path";

export const ROUTES_DIR = path.resolve(import.meta.dirname, "../../app/routes");

/** File names in app/routes, e.g. "requests.$number_.rate.tsx". */
export function routeFiles(): string[] {
  return fs
    .readdirSync(ROUTES_DIR)
    .filter((name) => /\.tsx?$/.test(name))
    .sort();
}

/** Whether a route file exports an action (read from its source, without importing it). */
export function hasAction(file: string): boolean {
  const source = fs.readFileSync(path.join(ROUTES_DIR, file), "utf8");
  return /export\s+(async\s+function\s+action\b|const\s+action\b|\{[^}]*\baction\b[^}]*\})/.test(source);
}

/**
 * The URL path of a route file, with each `$param` replaced by `params[param]` (or "x").
 * Layout-only segments (a leading `_`) and pathless `_index` add nothing.
 */
export function routePath(file: string, params: Record<string, string> = {}): string {
  const base = file.replace(/\.tsx?$/, "");
  const segments: string[] = [];
  // Split on dots that are not escaped as `[.]`.
  for (const raw of base.split(/(?<!\[)\.(?!\])/)) {
    if (raw === "_index" || raw.startsWith("_")) continue;
    const segment = raw.replace(/_$/, "").replace(/\[\.\]/g, ".");
    segments.push(segment.startsWith("$") ? encodeURIComponent(params[segment.slice(1)] ?? "x") : segment);
  }
  return "/" + segments.join("/");
}
