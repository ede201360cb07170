// Who sees a complaint's page, and who sees the customer's contact on it (DESIGN.md,
// Permissions): the reporting rep, managers of the routed team and above, admins — each view
// audited; reps who heard it too see the page without the contact; everyone else, including
// members of the routed team who are not managers, gets 404. "My complaints" and home show the
// status, who has it and the response, and never the contact.
import { beforeAll, describe, expect, test } from "vitest";
import * as complaintPage from "~/routes/complaints.$number";
import * as myComplaints from "~/routes/complaints._index";
import * as home from "~/routes/_index";
import { prisma } from "~/utils/db.server";
import type { Complaint, User } from "~/generated/prisma/client";
import { addMember, createTeam, createUser } from "../support/factories";
import { addSighting, createCategory, createComplaint } from "../support/complaint-factories";
import { callAction, callLoader, formRequest, getRequest, readJson, signInAs } from "../support/http";

interface PageData {
  complaint: { ref: string; summary: string; status: string; holder: string; response: { text: string; by: string | null } | null };
  contact: { name: string | null; email: string | null; phone: string | null; reference: string | null } | null;
  timeline: Array<{ text: string }>;
  sightings: Array<{ reporter: string; channel: string; note: string }>;
  viewer: { manager: boolean; seesContact: boolean };
  sightingForm: { formToken: string; now: string };
}

const CONTACT = {
  customerName: "Casey Customer",
  customerEmail: "casey@example.com",
  customerPhone: "+44 7700 900123",
  customerReference: "ACC-778",
};
const people: Record<string, User> = {};
let complaint: Complaint;

beforeAll(async () => {
  const operations = await createTeam({ name: "Operations" });
  const billing = await createTeam({ name: "Billing", parentId: operations.id });
  const other = await createTeam({ name: "Warehouse" });
  const category = await createCategory({ name: "Billing & refunds", ownerTeamId: billing.id });
  for (const name of ["rep", "heard", "billingManager", "billingMember", "opsManager", "otherManager", "stranger"]) {
    people[name] = await createUser({ name: `Person ${name}` });
  }
  people.admin = await createUser({ name: "Person admin", role: "ADMIN" });
  await addMember(people.billingManager!.id, billing.id, "MANAGER");
  await addMember(people.billingMember!.id, billing.id);
  await addMember(people.opsManager!.id, operations.id, "MANAGER");
  await addMember(people.otherManager!.id, other.id, "MANAGER");
  complaint = await createComplaint({
    reporterId: people.rep!.id,
    categoryId: category.id,
    summary: "Charged twice for one order",
    details: "Two identical charges on the card statement.",
    ...CONTACT,
  });
  await addSighting(complaint.id, { reporterId: people.heard!.id, channel: "CHAT", note: "Same on chat." });
});

async function view(who: string, number = `CMP-${complaint.number}`) {
  const cookie = await signInAs(people[who]!.id);
  return callLoader(complaintPage, getRequest(`/complaints/${number}`, { cookie }), { number });
}

const auditRows = (actorId: string) =>
  prisma.auditLog.count({ where: { action: "complaint.contact_viewed", actorId, targetId: complaint.id } });

describe("who sees the complaint page", () => {
  test.each(["rep", "billingManager", "opsManager", "admin"])(
    "%s sees it with the customer's contact, and the view is audited",
    async (who) => {
      const before = await auditRows(people[who]!.id);
      const response = await view(who);
      expect(response.status).toBe(200);
      expect(response.headers.get("Cache-Control")).toBe("no-store");
      const page = await readJson<PageData>(response);
      expect(page.complaint.summary).toBe("Charged twice for one order");
      expect(page.contact).toEqual({
        name: CONTACT.customerName,
        email: CONTACT.customerEmail,
        phone: CONTACT.customerPhone,
        reference: "ACC-778",
      });
      expect(await auditRows(people[who]!.id)).toBe(before + 1);
      await view(who);
      expect(await auditRows(people[who]!.id)).toBe(before + 2);
      const row = await prisma.auditLog.findFirstOrThrow({ where: { action: "complaint.contact_viewed", actorId: people[who]!.id } });
      expect(row).toMatchObject({ targetType: "complaint", details: { number: complaint.number } });
      // The audit row says who looked at what, never the data itself.
      expect(JSON.stringify(row.details)).not.toMatch(/casey/i);
    },
  );

  test("managers (of the routed team and above) and admins get the “work on this” link; the rep doesn't", async () => {
    for (const [who, manager] of [
      ["rep", false],
      ["billingManager", true],
      ["opsManager", true],
      ["admin", true],
    ] as const) {
      expect((await readJson<PageData>(await view(who))).viewer.manager).toBe(manager);
    }
  });

  test("a rep who heard it too sees the page without the contact, and no view is audited", async () => {
    const response = await view("heard");
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toMatch(/Casey|casey@example|7700|ACC-778/);
    expect(JSON.parse(text).contact).toBeNull();
    expect(await auditRows(people.heard!.id)).toBe(0);
  });

  test.each(["billingMember", "otherManager", "stranger"])("%s gets 404", async (who) => {
    expect((await view(who)).status).toBe(404);
    expect(await auditRows(people[who]!.id)).toBe(0);
  });

  test("unknown and malformed numbers get 404; 'cmp-n' and 'n' work", async () => {
    expect((await view("rep", "CMP-999999")).status).toBe(404);
    expect((await view("rep", "REQ-1")).status).toBe(404);
    expect((await view("rep", `cmp-${complaint.number}`)).status).toBe(200);
    expect((await view("rep", String(complaint.number))).status).toBe(200);
  });

  test("the page says who has it, the response, the timeline in words and the sightings", async () => {
    await prisma.complaint.update({
      where: { id: complaint.id },
      data: {
        status: "ACKNOWLEDGED",
        acknowledgedAt: new Date(),
        acknowledgedById: people.billingManager!.id,
        response: "Refunded the second charge; fixing the payment retry.",
        respondedAt: new Date(),
        respondedById: people.billingManager!.id,
      },
    });
    try {
      const page = await readJson<PageData>(await view("heard"));
      expect(page.complaint.holder).toBe("Person billingManager, Billing");
      expect(page.complaint.response).toMatchObject({
        text: "Refunded the second charge; fixing the payment retry.",
        by: "Person billingManager",
      });
      expect(page.timeline.map((e) => e.text)).toEqual(["Person rep logged the complaint for Billing", "Person heard heard it too"]);
      expect(page.sightings).toEqual([
        { id: expect.any(String), reporter: "Person heard", channel: "Chat", note: "Same on chat.", occurredAt: expect.any(String) },
      ]);
    } finally {
      await prisma.complaint.update({
        where: { id: complaint.id },
        data: { status: "ESCALATED", acknowledgedAt: null, acknowledgedById: null, response: null, respondedAt: null, respondedById: null },
      });
    }
    expect((await readJson<PageData>(await view("rep"))).complaint.holder).toBe("Waiting on the managers of Billing");
  });
});

describe("heard it too on the complaint page", () => {
  async function post(who: string, fields: Record<string, string> = {}) {
    const cookie = await signInAs(people[who]!.id);
    const number = `CMP-${complaint.number}`;
    const page = await callLoader(complaintPage, getRequest(`/complaints/${number}`, { cookie }), { number });
    const token = page.status === 200 ? (await readJson<PageData>(page)).sightingForm.formToken : "a-token-from-elsewhere";
    return callAction(
      complaintPage,
      formRequest(`/complaints/${number}`, { formToken: token, channel: "EMAIL", note: "Again", ...fields }, { cookie }),
      { number },
    );
  }

  test("someone allowed adds a sighting; it is counted and on the timeline", async () => {
    const before = await prisma.complaintSighting.count({ where: { complaintId: complaint.id } });
    const response = await post("heard");
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/complaints/CMP-${complaint.number}`);
    expect(await prisma.complaintSighting.count({ where: { complaintId: complaint.id } })).toBe(before + 1);
  });

  test("someone who may not see it gets 404 and nothing is added", async () => {
    const before = await prisma.complaintSighting.count({ where: { complaintId: complaint.id } });
    expect((await post("billingMember")).status).toBe(404);
    expect((await post("stranger")).status).toBe(404);
    expect(await prisma.complaintSighting.count({ where: { complaintId: complaint.id } })).toBe(before);
  });
});

describe("My complaints and home", () => {
  test("lists what I logged and what I heard too, newest first, with status, who has it and the response", async () => {
    const mine = await createComplaint({
      reporterId: people.heard!.id,
      summary: "Parcel left in the rain",
      response: "We've spoken to the courier.",
    });
    const response = await callLoader(myComplaints, getRequest("/complaints", { cookie: await signInAs(people.heard!.id) }));
    expect(response.status).toBe(200);
    const data = await readJson<{
      rows: Array<{ number: number; mine: boolean; holder: string; response: string | null; statusLabel: string }>;
      next: string | null;
      manager: boolean;
    }>(response);
    expect(data.rows.map((r) => [r.number, r.mine])).toEqual([
      [mine.number, true],
      [complaint.number, false],
    ]);
    expect(data.rows[0]).toMatchObject({
      response: "We've spoken to the courier.",
      statusLabel: "Waiting for a manager",
      holder: expect.stringContaining("Waiting on the managers of"),
    });
    expect(data.manager).toBe(false);
    expect(data.next).toBeNull();
  });

  test("pages on with ?before=", async () => {
    const pager = await createUser();
    const created = [];
    for (let i = 0; i < 27; i++) created.push(await createComplaint({ reporterId: pager.id, summary: `Paging ${i}` }));
    const cookie = await signInAs(pager.id);
    const first = await readJson<{ rows: Array<{ number: number }>; next: string }>(
      await callLoader(myComplaints, getRequest("/complaints", { cookie })),
    );
    expect(first.rows).toHaveLength(25);
    expect(first.rows[0]!.number).toBe(created[26]!.number);
    const second = await readJson<{ rows: Array<{ number: number }>; next: string | null }>(
      await callLoader(myComplaints, getRequest(first.next, { cookie })),
    );
    expect(second.rows.map((r) => r.number)).toEqual([created[1]!.number, created[0]!.number]);
    expect(second.next).toBeNull();
  });

  test("managers see a link to the inbox", async () => {
    const response = await callLoader(myComplaints, getRequest("/complaints", { cookie: await signInAs(people.billingManager!.id) }));
    expect((await readJson<{ manager: boolean }>(response)).manager).toBe(true);
  });

  test("never include the customer's contact: My complaints and home", async () => {
    const cookie = await signInAs(people.rep!.id);
    const list = await callLoader(myComplaints, getRequest("/complaints", { cookie }));
    const homePage = await callLoader(home, getRequest("/", { cookie }));
    const homeText = await homePage.text();
    expect(JSON.parse(homeText).myComplaints.map((c: { number: number }) => c.number)).toEqual([complaint.number]);
    for (const text of [await list.text(), homeText]) {
      expect(text).toContain("Charged twice for one order");
      expect(text).not.toMatch(/Casey|casey@example|7700 900123|ACC-778/);
    }
  });
});
