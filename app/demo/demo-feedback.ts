// The demo organisation's employee feedback (issue 5): about 40 suggestions and concerns over the
// last 90 days, to teams and to management, about half of them anonymous. Anonymous entries keep
// what the app keeps — no author, only the day they were sent, no follow-up code hash (their
// codes were "shown once" to nobody) — and were announced to readers in the next day's batch.
// Many are answered on the record by a manager who reads them ("you said, we did"); some of those
// are closed.
// Pure and deterministic: the same organisation, `now` and seed give the same data.
import { addDaysIso, orgDateIso, startOfOrgDate } from "~/utils/org-time";
import { demoTeams } from "./demo-organisation";
import { DAY, HOUR, Random, workingMoment, type DemoOrg } from "./demo-requests";

const DEMO_FEEDBACK_SEED = 20_260_808;
export const DEMO_FEEDBACK_DAYS = 90;

export interface DemoFeedbackRow {
  id: string;
  kind: "SUGGESTION" | "CONCERN";
  teamId: string | null;
  authorId: string | null;
  anonymous: boolean;
  subject: string;
  body: string;
  /** Midnight UTC of the organisation's date, as a DATE column is read and written. */
  submittedOn: Date;
  followUpCodeHash: null;
  status: "OPEN" | "ANSWERED" | "CLOSED";
  announcedOn: Date | null;
}

export interface DemoFeedbackResponseRow {
  id: string;
  feedbackId: string;
  responderId: string;
  body: string;
  createdAt: Date;
}

export interface DemoFeedbackData {
  feedback: DemoFeedbackRow[];
  responses: DemoFeedbackResponseRow[];
}

type To = string; // a demo team key, or "management"

interface Entry {
  kind: "SUGGESTION" | "CONCERN";
  to: To;
  subject: string;
  body: string;
  /** Whoever wrote it would rather not be named. */
  sensitive?: boolean;
  answer: string;
}

const entries: Entry[] = [
  {
    kind: "SUGGESTION",
    to: "care",
    subject: "Shared list of known issues for the phones",
    body: "When something breaks (like the app login problem) we each find out from customers one by one. A pinned list of known issues with the agreed wording would save time on every call.",
    answer:
      "Good idea — we've started a known-issues page, linked from the top of the queue. Team leads update it within an hour of a new issue.",
  },
  {
    kind: "SUGGESTION",
    to: "servicedesk",
    subject: "Self-service password reset for the CRM",
    body: "Half of my tickets to the service desk are CRM password resets. A self-service reset would save both of us time.",
    answer: "Self-service reset for the CRM goes live next month; we'll announce it in the newsletter.",
  },
  {
    kind: "CONCERN",
    to: "management",
    subject: "Overtime on the late shift is becoming the norm",
    body: "Several of us have worked past 8pm most days this month. It was meant to be temporary during the app outage but it hasn't stopped.",
    sensitive: true,
    answer:
      "Thank you for raising this. We've approved two temporary hires for the late shift and will review overtime every fortnight until it's back to normal.",
  },
  {
    kind: "SUGGESTION",
    to: "facilities",
    subject: "Quiet room on the second floor",
    body: "The open-plan floor is loud during calls. A bookable quiet room for difficult customer calls would help a lot.",
    answer: "Meeting room 2.4 is now a quiet room, bookable in 30-minute slots.",
  },
  {
    kind: "CONCERN",
    to: "field",
    subject: "Van schedules leave no time for lunch",
    body: "The route planner books visits back to back with travel time that assumes no traffic. Most days I eat in the van between jobs.",
    sensitive: true,
    answer: "We've added a 30-minute break to every route in the planner and raised travel estimates in the city centre.",
  },
  {
    kind: "SUGGESTION",
    to: "people",
    subject: "Buddy system for new starters",
    body: "New starters on the phones are thrown in quickly. Pairing each with an experienced rep for the first month would help them and customers.",
    answer: "Starting with the next intake, every new starter gets a buddy for their first four weeks.",
  },
  {
    kind: "CONCERN",
    to: "management",
    subject: "Targets reward short calls over solved problems",
    body: "The average-handling-time target makes people rush customers off the phone, then they call back. It feels like we're measured on the wrong thing.",
    sensitive: true,
    answer:
      "You're right that it can push the wrong behaviour. From next quarter first-contact resolution replaces handling time as the main team measure.",
  },
  {
    kind: "SUGGESTION",
    to: "finance",
    subject: "Faster expense approvals",
    body: "Expenses wait two weeks for approval even for small amounts. Could claims under $50 be approved automatically?",
    answer: "Claims under $50 with a receipt are now approved automatically.",
  },
  {
    kind: "CONCERN",
    to: "it",
    subject: "Laptops too slow for the new CRM",
    body: "The older laptops freeze when the CRM and the phone software run together. Customers wait while we restart.",
    answer: "We're replacing the 40 oldest laptops first; the list is with team leads.",
  },
  {
    kind: "SUGGESTION",
    to: "management",
    subject: "Share complaint trends with the whole company",
    body: "Front-line staff hear the same complaints every day. A monthly summary of what's rising and what was done would show that logging them matters.",
    answer: "We'll share the complaint trends dashboard summary at the monthly all-hands, with the actions taken.",
  },
  {
    kind: "CONCERN",
    to: "care",
    subject: "Escalations go quiet after we pass them on",
    body: "I escalate complaints and rarely hear back. Customers call again and I have nothing to tell them.",
    answer: "Managers now answer every escalated complaint before closing it, and you'll see the answer on the complaint page.",
  },
  {
    kind: "SUGGESTION",
    to: "servicedesk",
    subject: "Status page for internal systems",
    body: "When the CRM is down we all raise tickets. A status page would stop the flood and tell us when it's back.",
    answer: "An internal status page is now linked from the intranet home.",
  },
  {
    kind: "CONCERN",
    to: "people",
    subject: "Unclear how promotions are decided",
    body: "Nobody on our team knows what the criteria are for senior rep. It feels like it depends on who you know.",
    sensitive: true,
    answer: "We've published the criteria for every grade on the intranet and will run a Q&A session next month.",
  },
  {
    kind: "SUGGESTION",
    to: "facilities",
    subject: "Bike racks are always full",
    body: "The bike racks fill up by 8:30. More racks would encourage cycling.",
    answer: "Twelve more racks are being installed by the side entrance.",
  },
  {
    kind: "CONCERN",
    to: "facilities",
    subject: "Kitchen on floor 3 often without hot water",
    body: "The hot water tap on floor 3 has been broken on and off for weeks.",
    answer: "The boiler unit was replaced on Friday.",
  },
  {
    kind: "SUGGESTION",
    to: "field",
    subject: "Photos before and after each visit",
    body: "Taking photos before and after each job would settle most damage complaints quickly.",
    answer: "Before-and-after photos are now part of the job checklist in the app.",
  },
  {
    kind: "CONCERN",
    to: "management",
    subject: "Customers told different things by sales and support",
    body: "Sales promise things (like no cancellation fee) that support then has to take back. It makes us look dishonest.",
    answer: "Sales and support now share one set of answers to the top 20 questions, reviewed monthly.",
  },
  {
    kind: "SUGGESTION",
    to: "care",
    subject: "Let chat agents send a follow-up email",
    body: "After a chat the customer often asks for a summary. Being able to email one from the chat tool would help.",
    answer: "",
  },
  {
    kind: "CONCERN",
    to: "servicedesk",
    subject: "Phone headsets keep disconnecting",
    body: "The wireless headsets drop the connection several times a day, mid-call.",
    answer: "New firmware fixed it for most; if yours still drops, raise a request and we'll swap it.",
  },
  {
    kind: "SUGGESTION",
    to: "people",
    subject: "Learning budget for short online courses",
    body: "A small yearly learning budget would let us pick short courses that fit our roles.",
    answer: "Everyone now has a $300 yearly learning budget; details on the People page.",
  },
  {
    kind: "CONCERN",
    to: "finance",
    subject: "Supplier invoices paid late",
    body: "Two suppliers told me we pay late and they now want payment up front.",
    answer: "We found a backlog in approvals and cleared it; supplier payments are back within terms.",
  },
  {
    kind: "SUGGESTION",
    to: "ops",
    subject: "One weekly operations update",
    body: "Updates come from five places. One short weekly note from Operations would help everyone keep up.",
    answer: "The weekly Operations note starts this Monday.",
  },
  {
    kind: "CONCERN",
    to: "ops",
    subject: "Customer callbacks not tracked anywhere",
    body: "We promise callbacks but nothing reminds anyone to make them.",
    sensitive: true,
    answer: "",
  },
  {
    kind: "SUGGESTION",
    to: "management",
    subject: "Recognise front-line staff in the all-hands",
    body: "The all-hands often thanks project teams. The people on the phones rarely get a mention.",
    answer: "From now on each all-hands opens with kudos from the front line.",
  },
  {
    kind: "CONCERN",
    to: "management",
    subject: "Feeling unsafe leaving the office late",
    body: "The car park lighting is poor and several of us leave after dark on the late shift.",
    sensitive: true,
    answer: "Facilities have fixed the lighting and security will walk people to the car park on request after 7pm.",
  },
  {
    kind: "SUGGESTION",
    to: "it",
    subject: "Single sign-on for all tools",
    body: "We log in to six different tools with six passwords. Single sign-on would save time every morning.",
    answer: "",
  },
  {
    kind: "CONCERN",
    to: "care",
    subject: "Scripts don't fit real customer situations",
    body: "Some of the mandatory scripts sound robotic and annoy customers who are already upset.",
    sensitive: true,
    answer: "We're rewriting the five most-used scripts with reps from each shift; volunteers welcome.",
  },
  {
    kind: "SUGGESTION",
    to: "finance",
    subject: "Refund approvals during weekends",
    body: "Refunds over $200 wait for Monday because nobody approves at weekends. Customers complain about it.",
    answer: "",
  },
  {
    kind: "CONCERN",
    to: "people",
    subject: "Leave requests answered too late",
    body: "I asked for leave six weeks ahead and was told yes two days before.",
    answer: "Managers now have to answer leave requests within five working days; the system reminds them.",
  },
  {
    kind: "SUGGESTION",
    to: "servicedesk",
    subject: "Loan laptops while repairs are done",
    body: "When a laptop goes for repair we're without one for days.",
    answer: "",
  },
  {
    kind: "CONCERN",
    to: "field",
    subject: "Spare parts stock runs out on Fridays",
    body: "By Friday the vans are missing the common parts and we have to rebook customers.",
    answer: "Vans are now restocked on Thursday evenings as well as Mondays.",
  },
  {
    kind: "SUGGESTION",
    to: "management",
    subject: "Open the complaint dashboard to team leads",
    body: "Team leads could act on patterns earlier if they could see the complaint trends for their area.",
    answer: "",
  },
  {
    kind: "CONCERN",
    to: "management",
    subject: "Workload after the team reorganisation",
    body: "Since the reorganisation the same number of people cover two queues. Quality is slipping.",
    sensitive: true,
    answer: "",
  },
  {
    kind: "SUGGESTION",
    to: "facilities",
    subject: "Standing desks for those who want them",
    body: "A few standing desks per floor would help people with back problems.",
    answer: "",
  },
  {
    kind: "CONCERN",
    to: "it",
    subject: "Too many security prompts on the phones",
    body: "The phone app asks for a new code several times a day, even in the office.",
    answer: "",
  },
  {
    kind: "SUGGESTION",
    to: "people",
    subject: "Flexible start times",
    body: "A start time between 7 and 10 would help parents and people with long commutes.",
    answer: "",
  },
  {
    kind: "CONCERN",
    to: "ops",
    subject: "Handovers between shifts lose information",
    body: "Open issues are lost between the early and late shift because handover is verbal.",
    sensitive: true,
    answer: "",
  },
  {
    kind: "SUGGESTION",
    to: "care",
    subject: "Monthly call-listening sessions",
    body: "Listening to a few calls together each month, good and bad, would help us learn from each other.",
    answer: "",
  },
  {
    kind: "CONCERN",
    to: "finance",
    subject: "Payroll corrections take two months",
    body: "An overtime error in my pay took two pay runs to correct.",
    sensitive: true,
    answer: "",
  },
  {
    kind: "SUGGESTION",
    to: "management",
    subject: "Ask the front line before changing policies",
    body: "Policy changes land on us the day customers hear about them. A short preview for the front line would help.",
    answer: "",
  },
];

export function buildDemoFeedback(org: DemoOrg, now = new Date(), timeZone = "UTC"): DemoFeedbackData {
  const r = new Random(DEMO_FEEDBACK_SEED);
  const today = orgDateIso(now, timeZone);
  const teamKeys = [...org.teamIds.keys()];
  const parents = new Map(demoTeams.map((t) => [t.key, t.parent ?? null]));
  /** Who answers: a manager of the team or of a team above it; for management, a top team's manager. */
  const readersOf = (to: To) => {
    const line: string[] = [];
    for (let key: string | null = to === "management" ? "exec" : to; key; key = parents.get(key) ?? null) line.push(key);
    return org.people.filter((p) => p.teams.some(([k, role]) => role === "MANAGER" && line.slice(0, 2).includes(k)));
  };
  const feedback: DemoFeedbackRow[] = [];
  const responses: DemoFeedbackResponseRow[] = [];

  for (const entry of entries) {
    if (entry.to !== "management" && !teamKeys.includes(entry.to)) throw new Error(`Demo team ${entry.to} is missing`);
    const daysAgo = r.between(0, DEMO_FEEDBACK_DAYS);
    const sentAt = workingMoment(r, now, daysAgo);
    const submittedIso = orgDateIso(sentAt, timeZone);
    const anonymous = r.chance(entry.sensitive ? 0.85 : 0.3);
    const teamId = entry.to === "management" ? null : org.teamIds.get(entry.to)!;
    // Authors write to other teams (or to management), not to a team they manage.
    const authors = org.people.filter((p) => !p.teams.some(([k, role]) => k === entry.to && role === "MANAGER"));
    const author = r.pick(authors);
    // The announcement batch runs on the first day after the one it was sent on.
    const announcedIso = anonymous && submittedIso < today ? addDaysIso(submittedIso, 1) : null;
    // Readers see an anonymous entry only once announced; a signed one at once.
    const readableFrom = announcedIso ? startOfOrgDate(announcedIso, timeZone) : sentAt;
    const id = r.uuid();
    let status: DemoFeedbackRow["status"] = "OPEN";
    const mayAnswer = entry.answer && (!anonymous || announcedIso);
    if (mayAnswer) {
      const answeredAt = new Date(readableFrom.getTime() + r.between(3, 8 * 24) * HOUR);
      if (answeredAt.getTime() <= now.getTime()) {
        const responder = r.pick(readersOf(entry.to));
        responses.push({ id: r.uuid(), feedbackId: id, responderId: responder.id, body: entry.answer, createdAt: answeredAt });
        // Older answered entries were mostly closed once the change happened.
        status = now.getTime() - answeredAt.getTime() > 14 * DAY && r.chance(0.6) ? "CLOSED" : "ANSWERED";
      }
    }
    feedback.push({
      id,
      kind: entry.kind,
      teamId,
      authorId: anonymous ? null : author.id,
      anonymous,
      subject: entry.subject,
      body: entry.body,
      submittedOn: new Date(`${submittedIso}T00:00:00Z`),
      followUpCodeHash: null,
      status,
      announcedOn: announcedIso && announcedIso <= today ? new Date(`${announcedIso}T00:00:00Z`) : null,
    });
  }
  feedback.sort((a, b) => a.submittedOn.getTime() - b.submittedOn.getTime());
  responses.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  return { feedback, responses };
}
