// Administering complaint categories: the list with owners and counts, adding and editing with
// names unique whatever their case, deactivating (gone from the log form's list, history kept),
// concurrent edits, the audit trail, and nobody but admins seeing any of it.
import { beforeAll, describe, expect, test } from "vitest";
import * as list from "~/routes/admin.complaint-categories._index";
import * as newCategory from "~/routes/admin.complaint-categories.new";
import * as editCategory from "~/routes/admin.complaint-categories.$id";
import { loadLogForm } from "~/models/complaint-log-form.server";
import { prisma } from "~/utils/db.server";
import type { Team, User } from "~/generated/prisma/client";
import { createTeam, createUser } from "../support/factories";
import { createCategory, createComplaint } from "../support/complaint-factories";
import { callAction, callLoader, formRequest, getRequest, readJson, signInAs } from "../support/http";
import { fieldErrors, flashOf, formReply } from "../support/replies";

let admin: User;
let adminCookie: string;
let billingTeam: Team;
let careTeam: Team;

beforeAll(async () => {
  admin = await createUser({ role: "ADMIN" });
  adminCookie = await signInAs(admin.id);
  billingTeam = await createTeam({ name: "Billing Team" });
  careTeam = await createTeam({ name: "Care Team" });
});

interface ListPage {
  categories: Array<{ id: string; name: string; active: boolean; owner: { name: string }; complaints: number }>;
}
interface EditPage {
  category: { id: string; name: string; description: string; ownerTeamId: string; active: boolean; updatedAt: string };
  teams: Array<{ id: string; name: string }>;
}

const submitNew = (fields: Record<string, string>) =>
  callAction(newCategory, formRequest("/admin/complaint-categories/new", fields, { cookie: adminCookie }));

async function openEdit(id: string) {
  const response = await callLoader(editCategory, getRequest(`/admin/complaint-categories/${id}`, { cookie: adminCookie }), { id });
  expect(response.status).toBe(200);
  return readJson<EditPage>(response);
}

async function submitEdit(id: string, changes: Record<string, string>, page?: EditPage) {
  const { category } = page ?? (await openEdit(id));
  const fields: Record<string, string> = {
    name: category.name,
    description: category.description,
    ownerTeamId: category.ownerTeamId,
    ...(category.active ? { active: "on" } : {}),
    version: category.updatedAt,
    ...changes,
  };
  if (changes.active === "") delete fields.active;
  return callAction(editCategory, formRequest(`/admin/complaint-categories/${id}`, fields, { cookie: adminCookie }), { id });
}

const auditOf = (id: string) => prisma.auditLog.findMany({ where: { targetId: id }, orderBy: { id: "asc" } });

describe("adding a category", () => {
  test("is saved with its owner, audited, and listed with a complaint count of 0", async () => {
    const response = await submitNew({
      name: "Billing & refunds",
      description: "Charges and refunds.",
      ownerTeamId: billingTeam.id,
      active: "on",
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/admin/complaint-categories");
    expect(await flashOf(response)).toMatchObject({ kind: "success", message: '"Billing & refunds" was added.' });

    const saved = await prisma.complaintCategory.findUniqueOrThrow({ where: { name: "Billing & refunds" } });
    expect(saved).toMatchObject({ ownerTeamId: billingTeam.id, active: true, description: "Charges and refunds." });
    expect((await auditOf(saved.id)).map((a) => [a.action, a.actorId])).toEqual([["complaint_category.created", admin.id]]);

    const page = await readJson<ListPage>(await callLoader(list, getRequest("/admin/complaint-categories", { cookie: adminCookie })));
    expect(page.categories.find((c) => c.id === saved.id)).toMatchObject({
      name: "Billing & refunds",
      owner: { name: "Billing Team" },
      complaints: 0,
    });
  });

  test.each(["billing & REFUNDS", "  Billing & Refunds  "])(
    "the name %j is taken whatever its case: refused on the name field",
    async (name) => {
      const before = await prisma.complaintCategory.count();
      const response = await submitNew({ name, ownerTeamId: careTeam.id, description: "Typed text" });
      expect(response.status).toBe(400);
      const reply = await formReply(response);
      expect(reply.error?.name?.[0]).toMatch(/^There is already a category called/);
      expect(reply.initialValue).toMatchObject({ name, description: "Typed text", ownerTeamId: careTeam.id });
      expect(await prisma.complaintCategory.count()).toBe(before);
    },
  );

  test("a missing name and owner are refused beside their fields; an unknown owner too", async () => {
    const empty = await submitNew({ name: "", ownerTeamId: "" });
    expect(empty.status).toBe(400);
    expect(await fieldErrors(empty, "name")).toEqual(["Enter the category's name."]);
    expect(await fieldErrors(await submitNew({ name: "X1", ownerTeamId: "" }), "ownerTeamId")).toEqual([
      "Choose the team that owns these complaints.",
    ]);
    const unknown = await submitNew({ name: "Ghost owner", ownerTeamId: "00000000-0000-0000-0000-000000000000" });
    expect(unknown.status).toBe(400);
    expect(await fieldErrors(unknown, "ownerTeamId")).toEqual(["Choose a team from the list."]);
    expect(await prisma.complaintCategory.count({ where: { name: "Ghost owner" } })).toBe(0);
  });
});

describe("editing a category", () => {
  test("changing the owner and renaming is saved and audited with what changed", async () => {
    const category = await createCategory({ name: "Delivery issues", ownerTeamId: billingTeam.id });
    const response = await submitEdit(category.id, { name: "Delivery", ownerTeamId: careTeam.id });
    expect(response.status).toBe(302);
    expect(await prisma.complaintCategory.findUniqueOrThrow({ where: { id: category.id } })).toMatchObject({
      name: "Delivery",
      ownerTeamId: careTeam.id,
    });
    const [entry] = await auditOf(category.id);
    expect(entry).toMatchObject({ action: "complaint_category.updated", actorId: admin.id });
    expect(entry!.details).toMatchObject({ changed: "name,ownerTeamId", ownerTeamId: careTeam.id });
  });

  test("keeping its own name in another case is allowed; another category's name is not", async () => {
    const category = await createCategory({ name: "Technical", ownerTeamId: careTeam.id });
    await createCategory({ name: "Account", ownerTeamId: careTeam.id });
    expect((await submitEdit(category.id, { name: "TECHNICAL" })).status).toBe(302);
    const clash = await submitEdit(category.id, { name: "account" });
    expect(clash.status).toBe(400);
    expect((await fieldErrors(clash, "name"))[0]).toMatch(/already a category called "account"/);
  });

  test("deactivating hides it from the log form but keeps its complaints, which still count", async () => {
    const category = await createCategory({ name: "Showroom visits", ownerTeamId: careTeam.id });
    const complaint = await createComplaint({ categoryId: category.id });
    const offered = async () => (await loadLogForm(admin.id)).categories.map((c) => c.id);
    expect(await offered()).toContain(category.id);

    expect((await submitEdit(category.id, { active: "" })).status).toBe(302);
    expect(await offered()).not.toContain(category.id);
    expect((await prisma.complaint.findUniqueOrThrow({ where: { id: complaint.id } })).categoryId).toBe(category.id);
    const page = await readJson<ListPage>(await callLoader(list, getRequest("/admin/complaint-categories", { cookie: adminCookie })));
    expect(page.categories.find((c) => c.id === category.id)).toMatchObject({ active: false, complaints: 1 });
    expect((await auditOf(category.id)).at(-1)!.details).toMatchObject({ active: false, changed: "active" });
  });

  test("a form opened before someone else's save gets 409 and overwrites nothing", async () => {
    const category = await createCategory({ name: "Policy", ownerTeamId: careTeam.id });
    const stale = await openEdit(category.id);
    expect((await submitEdit(category.id, { description: "Theirs" })).status).toBe(302);
    const response = await submitEdit(category.id, { description: "Mine" }, stale);
    expect(response.status).toBe(409);
    expect((await formReply(response)).initialValue).toMatchObject({ description: "Mine" });
    expect((await prisma.complaintCategory.findUniqueOrThrow({ where: { id: category.id } })).description).toBe("Theirs");
  });

  test("an unknown category answers 404", async () => {
    const id = "00000000-0000-0000-0000-000000000000";
    const response = await callLoader(editCategory, getRequest(`/admin/complaint-categories/${id}`, { cookie: adminCookie }), { id });
    expect(response.status).toBe(404);
  });
});

test("employees and managers get 404 for every category page and action, and change nothing", async () => {
  const employee = await createUser();
  const cookie = await signInAs(employee.id);
  const category = await createCategory({ name: "Staff attitude", ownerTeamId: careTeam.id });
  const id = category.id;
  expect((await callLoader(list, getRequest("/admin/complaint-categories", { cookie }))).status).toBe(404);
  expect((await callLoader(newCategory, getRequest("/admin/complaint-categories/new", { cookie }))).status).toBe(404);
  expect((await callLoader(editCategory, getRequest(`/admin/complaint-categories/${id}`, { cookie }), { id })).status).toBe(404);
  const post = formRequest("/admin/complaint-categories/new", { name: "Sneaky", ownerTeamId: careTeam.id }, { cookie });
  expect((await callAction(newCategory, post)).status).toBe(404);
  const edit = formRequest(
    `/admin/complaint-categories/${id}`,
    { name: "Renamed", ownerTeamId: careTeam.id, version: "2020-01-01" },
    { cookie },
  );
  expect((await callAction(editCategory, edit, { id })).status).toBe(404);
  expect(await prisma.complaintCategory.count({ where: { name: { in: ["Sneaky", "Renamed"] } } })).toBe(0);
});
