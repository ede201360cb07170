// Runs axe-core (the accessibility rules engine) in the page and expects no serious or critical
// violations of WCAG 2.0, 2.1 and 2.2 A/AA; the failure lists each rule, its help and the
// elements at fault.
//
// axe's source is not added as a <script>: the app's Content-Security-Policy allows only scripts
// with the response's nonce. Nor does `page.evaluate` do, as it never returns while the page's
// JavaScript is disabled (the no-js project). axe runs instead in an isolated world of the page,
// made through the DevTools protocol, as a browser extension would run it: same DOM and styles,
// its own globals, and the same way in both projects.
import fs from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "@playwright/test";
import type { AxeResults, Result } from "axe-core";
import { expect } from "./test";

const require = createRequire(import.meta.url);
let axeSource: string | undefined;
const source = () => (axeSource ??= fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8"));

export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] as const;
const BLOCKING = new Set(["serious", "critical"]);

/** Each violation as a line to act on: rule, impact, help text and link, and the elements' selectors. */
export function describeViolations(violations: Result[]) {
  return violations
    .map((v) => {
      const targets = v.nodes.map((node) => {
        const why = node.failureSummary?.split("\n").slice(1).join(" ").trim();
        return `    - ${node.target.join(" ")}${why ? `\n      ${why}` : ""}`;
      });
      return `  ${v.id} (${v.impact}): ${v.help}\n    ${v.helpUrl}\n${targets.join("\n")}`;
    })
    .join("\n");
}

/** axe's results for the whole page, run in an isolated world of its main frame. */
async function runAxe(page: Page): Promise<AxeResults> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { frameTree } = await cdp.send("Page.getFrameTree");
    const { executionContextId: contextId } = await cdp.send("Page.createIsolatedWorld", {
      frameId: frameTree.frame.id,
      worldName: "axe-core",
    });
    const evaluate = async (expression: string) => {
      const reply = await cdp.send("Runtime.evaluate", { expression, contextId, awaitPromise: true, returnByValue: true });
      if (reply.exceptionDetails)
        throw new Error(`axe-core failed in the page: ${reply.exceptionDetails.exception?.description ?? reply.exceptionDetails.text}`);
      return reply.result.value as unknown;
    };
    // Without the page's scripting the browser runs no timers, and axe waits on setTimeout(…, 0)
    // between steps. This world's own timers (the page's are untouched): short ones run next,
    // and the long ones, watchdogs for assets and frames a one-frame run never waits on, never.
    await evaluate(
      "window.setTimeout = (run, ms = 0, ...args) => { if (ms <= 1) queueMicrotask(() => run(...args)); return 0; }; window.clearTimeout = () => {};",
    );
    await evaluate(source());
    return (await evaluate(`axe.run(document, ${JSON.stringify({ runOnly: { type: "tag", values: WCAG_TAGS } })})`)) as AxeResults;
  } finally {
    await cdp.detach();
  }
}

/** Runs axe on the whole page and expects no serious or critical WCAG 2.x A/AA violations. */
export async function expectNoSeriousViolations(page: Page, label = new URL(page.url()).pathname) {
  const results = await runAxe(page);
  expect(results.passes.length, `axe checked nothing on ${label}`).toBeGreaterThan(0);
  const blocking = results.violations.filter((v) => BLOCKING.has(v.impact ?? ""));
  // The count, not the results, so that the failure shows the readable list and no object dump.
  expect(blocking.length, `Serious or critical accessibility violations on ${label}:\n${describeViolations(blocking)}`).toBe(0);
}
