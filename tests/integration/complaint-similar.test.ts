// "Heard it too": similar open complaints while typing (/complaints/similar) and on submit (the
// no-JavaScript path), and adding a sighting instead of a duplicate. Matches are open, from the
// last 90 days, at most 5, with their sighting counts — and never the customer's details.
import { beforeAll, describe, expect, test } from "vitest";
import * as logPage from "~/routes/complaints.new";
import * as similarRoute from "~/routes/complaints.similar";
import { findSimilarComplaints, setTrigramsAvailableForTesting } from "~/models/complaint-similar.server";
import { prisma } from "~/utils/db.server";
import type { ComplaintCategory, Team, User } from "~/generated/prisma/client";
import { addMember, createTeam, createUser } from "../support/factories";
import { addSighting, createCategory, createComplaint } from "../support/complaint-factories";
import { callAction, callLoader, formRequest, getRequest, readJson, signInAs } from "../support/http";
import { flashOf, formReply } from "../support/replies";

interface Similar {
  number: number;
  summary: string;
  category: string;
  severity: string;
  sightings: number;
  createdAt: string;
}

const DAY = 86_400_000;
let billing: Team;
let refunds: ComplaintCategory;
let rep: User;
let cookie: string;
let manager: User;
let original: { id: string; number: number; reporterId: string };

beforeAll(async () => {
  billing = await createTeam({ name: "Billing" });
  refunds = await createCategory({ name: "Billing & refunds", ownerTeamId: billing.id });
  rep = await createUser({ name: "Rosa Rep" });
  cookie = await signInAs(rep.id);
  manager = await createUser({ name: "Bill Manager" });
  await addMember(manager.id, billing.id, "MANAGER");
  original = await createComplaint({
    categoryId: refunds.id,
    summary: "Refund for cancelled order never arrived",
    severity: "HIGH",
    customerName: "Secret Customer",
    customerEmail: "secret@example.com",
    customerPhone: "+1 555 0100 999",
  });
  await addSighting(original.id);
  await addSighting(original.id);
  await createComplaint({ categoryId: refunds.id, summary: "Refund arrived three weeks late", createdAt: new Date(Date.now() - 10 * DAY) });
  await createComplaint({ categoryId: refunds.id, summary: "Refund never arrived for damaged parcel", status: "CLOSED" });
  await createComplaint({
    categoryId: refunds.id,
    summary: "Refund never arrived after return",
    createdAt: new Date(Date.now() - 91 * DAY),
  });
  await createComplaint({ categoryId: refunds.id, summary: "Delivery driver was rude at the door" });
});

async function suggestions(q: string, as: string | null = cookie) {
  const url = `/complaints/similar?q=${encodeURIComponent(q)}`;
  const response = await callLoader(similarRoute, getRequest(url, as ? { cookie: as } : {}));
  return { response, body: response.status === 200 ? await readJson<{ query: string; similar: Similar[] }>(response.clone()) : null };
}

describe("similar complaints while typing", () => {
  test("finds open complaints from the last 90 days like the summary, with category, severity and sightings", async () => {
    const { response, body } = await suggestions("refund never arrived");
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toMatch(/no-store/);
    const summaries = body!.similar.map((s) => s.summary);
    expect(summaries[0]).toBe("Refund for cancelled order never arrived");
    expect(summaries).not.toContain("Refund never arrived for damaged parcel"); // closed
    expect(summaries).not.toContain("Refund never arrived after return"); // 91 days old
    expect(summaries).not.toContain("Delivery driver was rude at the door");
    expect(body!.similar[0]).toEqual({
      number: original.number,
      summary: "Refund for cancelled order never arrived",
      category: "Billing & refunds",
      severity: "HIGH",
      sightings: 2,
      createdAt: expect.any(String),
    });
  });

  test("catches typos (trigram similarity) and the same words in a longer summary (full text)", async () => {
    expect((await findSimilarComplaints("refund nevr arrived")).map((s) => s.number)).toContain(original.number);
    expect((await findSimilarComplaints("cancelled order")).map((s) => s.number)).toContain(original.number);
  });

  test("never more than 5, and nothing for fewer than 3 characters", async () => {
    for (let i = 0; i < 7; i++) await createComplaint({ categoryId: refunds.id, summary: `Printer jam number ${i} in the showroom` });
    expect(await findSimilarComplaints("printer jam in the showroom")).toHaveLength(5);
    const { body } = await suggestions("pr");
    expect(body!.similar).toEqual([]);
  });

  test("never carries the customer's contact details", async () => {
    const { response } = await suggestions("refund never arrived");
    const text = await response.text();
    expect(text).not.toMatch(/Secret Customer|secret@example|555 0100 999/);
    expect(text).not.toMatch(/customer(Name|Email|Phone|Reference)/);
  });

  test("falls back to full text and ILIKE when trigrams are unavailable", async () => {
    setTrigramsAvailableForTesting(false);
    try {
      expect((await findSimilarComplaints("cancelled order never")).map((s) => s.number)).toEqual([original.number]);
      expect((await findSimilarComplaints("50%_off' OR 1=1 --")).length).toBe(0);
    } finally {
      setTrigramsAvailableForTesting(true);
    }
  });

  test("SQL in the query is harmless", async () => {
    const { response } = await suggestions("'; DROP TABLE complaints; --");
    expect(response.status).toBe(200);
    expect(await prisma.complaint.count()).toBeGreaterThan(0);
  });

  test("only for people signed in", async () => {
    const { response } = await suggestions("refund never arrived", null);
    expect(response.status).toBe(302);
  });
});

describe("the same check on submit (no JavaScript)", () => {
  async function form(changes: Record<string, string> = {}) {
    const page = await readJson<{ formToken: string; now: string }>(await callLoader(logPage, getRequest("/complaints/new", { cookie })));
    return {
      formToken: page.formToken,
      channel: "EMAIL",
      categoryId: refunds.id,
      severity: "MEDIUM",
      summary: "Refund never arrived for cancelled order",
      details: "Customer waited 3 weeks.",
      resolvedAtFrontLine: "no",
      occurredAt: page.now,
      customerName: "Another Customer",
      ...changes,
    };
  }
  const post = (fields: Record<string, string>) => callAction(logPage, formRequest("/complaints/new", fields, { cookie }));

  test("matches are shown with every typed value kept, and nothing is written", async () => {
    const before = await prisma.complaint.count();
    const fields = await form();
    const response = await post(fields);
    expect(response.status).toBe(200);
    const body = await readJson<{ result: { initialValue: Record<string, string> }; similar: Similar[] }>(response);
    expect(body.similar.map((s) => s.number)).toContain(original.number);
    expect(body.result.initialValue).toMatchObject({
      summary: fields.summary,
      details: fields.details,
      channel: "EMAIL",
      customerName: "Another Customer",
    });
    expect(JSON.stringify(body.similar)).not.toMatch(/Secret Customer|secret@example/);
    expect(await prisma.complaint.count()).toBe(before);
  });

  test("“log as new” logs it anyway", async () => {
    const fields = await form({ choice: "new", summary: "Refund never arrived, cancelled order (new one)" });
    const response = await post(fields);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toMatch(/^\/complaints\/CMP-\d+$/);
    expect(await prisma.complaint.count({ where: { summary: fields.summary } })).toBe(1);
  });

  test("“add as sighting” adds a sighting instead (channel, time, note), tells the managers and the rep who logged it", async () => {
    const before = await prisma.complaint.count();
    const fields = await form({ sightingOf: `CMP-${original.number}`, note: "Same again, order 1234." });
    const response = await post(fields);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/complaints/CMP-${original.number}`);
    expect((await flashOf(response))?.message).toMatch(/sighting was added to CMP-\d+/);
    expect(await prisma.complaint.count()).toBe(before);
    const sighting = await prisma.complaintSighting.findFirstOrThrow({ where: { complaintId: original.id, reporterId: rep.id } });
    expect(sighting).toMatchObject({ channel: "EMAIL", note: "Same again, order 1234." });
    const event = await prisma.complaintEvent.findFirstOrThrow({
      where: { complaintId: original.id, kind: "SIGHTING_ADDED", actorId: rep.id },
    });
    expect(event.note).toBe("Same again, order 1234.");
    const told = await prisma.notification.findMany({ where: { link: `/complaints/CMP-${original.number}`, kind: "COMPLAINT_UPDATED" } });
    expect(told.map((n) => n.userId).sort()).toEqual([manager.id, original.reporterId].sort());

    // Counted: the suggestions now say 3 sightings. And a double submit adds no second one.
    const { body } = await suggestions("refund for cancelled order never arrived");
    expect(body!.similar.find((s) => s.number === original.number)?.sightings).toBe(3);
    expect((await post(fields)).status).toBe(302);
    expect(await prisma.complaintSighting.count({ where: { complaintId: original.id, reporterId: rep.id } })).toBe(3 - 2);
  });

  test("a sighting for a closed or unknown complaint is refused with a message, keeping the form", async () => {
    const closed = await createComplaint({ categoryId: refunds.id, summary: "Closed one", status: "CLOSED" });
    for (const ref of [`CMP-${closed.number}`, "CMP-999999"]) {
      const response = await post(await form({ sightingOf: ref }));
      expect(response.status).toBe(400);
      const reply = await formReply(response);
      expect(reply.error?.[""]?.join(" ")).toMatch(/Log this one as a new complaint/);
      expect(reply.initialValue).toMatchObject({ summary: "Refund never arrived for cancelled order" });
    }
    expect(await prisma.complaintSighting.count({ where: { complaintId: closed.id } })).toBe(0);
  });

  test("a sighting with a bad note length or a future time is refused beside the field", async () => {
    const response = await post(
      await form({ sightingOf: `CMP-${original.number}`, note: "x".repeat(501), occurredAt: "2999-01-01T10:00" }),
    );
    expect(response.status).toBe(400);
    const reply = await formReply(response);
    expect(reply.error?.note?.join(" ")).toMatch(/500 characters/);
    expect(reply.error?.occurredAt?.join(" ")).toMatch(/future/);
  });
});
