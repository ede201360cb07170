// Runs once per `vitest` run, before any integration file: prepares the migrated template that
// each test file copies (see database-template.ts).
import type { TestProject } from "vitest/node";
import { dropServerTemplate, prepareEmbeddedTemplates, prepareServerTemplate } from "./database-template";

export default async function setup(project: TestProject) {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    project.provide("upstreamTestDatabase", await prepareEmbeddedTemplates());
    return;
  }
  project.provide("upstreamTestDatabase", await prepareServerTemplate(adminUrl));
  return async () => {
    await dropServerTemplate(adminUrl);
  };
}
