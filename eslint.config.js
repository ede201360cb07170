// Lint rules. Beyond the recommended sets, one rule matters most for this codebase: display code
// (components, validation, shared utils without .server) must never import a *.server module. The
// classic Remix compiler silently replaces such an import with an empty module in the browser
// bundle, so the mistake would show up as `undefined` at run time rather than as a build error.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import react from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";
import jsxA11y from "eslint-plugin-jsx-a11y";
import globals from "globals";

const noServerImports = {
  "no-restricted-imports": [
    "error",
    {
      patterns: [
        {
          group: ["*.server", "**/*.server", "*.server.*", "**/*.server.*"],
          message: "Browser-bound code must not import server-only modules (*.server.ts).",
        },
      ],
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      "build/**",
      "public/build/**",
      "app/generated/**",
      "node_modules/**",
      "data/**",
      ".cache/**",
      "test-results/**",
      "playwright-report/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,js}"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true }],
    },
  },
  {
    files: ["app/**/*.tsx"],
    plugins: { react, "react-hooks": reactHooks, "jsx-a11y": jsxA11y },
    settings: { react: { version: "18" } },
    rules: {
      ...react.configs.recommended.rules,
      ...react.configs["jsx-runtime"].rules,
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.configs.recommended.rules,
      "react/prop-types": "off",
      // Apostrophes in prose are fine in JSX text; escaping them hurts readability.
      "react/no-unescaped-entities": "off",
      // Remix's autoFocus on the first field of a sign-in page is intentional and expected.
      "jsx-a11y/no-autofocus": "off",
    },
  },
  { files: ["app/components/**", "app/validation/**", "app/entry.client.tsx"], rules: noServerImports },
);
