// Indentation for hierarchy levels. Class names rather than style attributes: our
// Content-Security-Policy (style-src 'self') blocks inline styles.
const INDENT = ["pl-4", "pl-10", "pl-16", "pl-24", "pl-32", "pl-40"] as const;

export function indentClass(depth: number) {
  return INDENT[Math.min(depth, INDENT.length - 1)];
}
