// The demo organisation's kudos wall (issue 4): about 60 thank-yous over the last 90 days —
// requesters thanking whoever resolved a request they rated highly (or the whole team), colleagues
// thanking colleagues, and people thanking other teams — plus two hidden by a manager, so the
// moderation side has something to show. Nobody thanks themselves or their own team.
// Pure and deterministic: the same requests, ratings and `now` give the same kudos.
import type { DemoRatingRow } from "./demo-ratings";
import { HOUR, MINUTE, Random, workingMoment, type DemoOrg, type DemoRequestData } from "./demo-requests";

const DEMO_KUDOS_SEED = 20_260_505;
export const DEMO_KUDOS_DAYS = 90;
const ABOUT_REQUESTS = 24;
const TO_PEOPLE = 26;
const TO_TEAMS = 8;

export interface DemoKudosRow {
  id: string;
  authorId: string;
  recipientUserId: string | null;
  recipientTeamId: string | null;
  requestId: string | null;
  message: string;
  hiddenAt: Date | null;
  hiddenById: string | null;
  hiddenReason: string | null;
  createdAt: Date;
}

type Person = DemoOrg["people"][number];

function firstName(name: string) {
  return name.split(" ")[0]!;
}

export function buildDemoKudos(org: DemoOrg, requests: DemoRequestData, ratings: DemoRatingRow[], now = new Date()): DemoKudosRow[] {
  const r = new Random(DEMO_KUDOS_SEED);
  const since = now.getTime() - DEMO_KUDOS_DAYS * 24 * HOUR;
  const people = new Map(org.people.map((p) => [p.id, p]));
  const teamKeys = new Map([...org.teamIds].map(([key, id]) => [id, key]));
  const teamsOf = (p: Person) => new Set(p.teams.map(([key]) => org.teamIds.get(key)!));
  const rows: DemoKudosRow[] = [];
  const add = (row: Omit<DemoKudosRow, "id" | "hiddenAt" | "hiddenById" | "hiddenReason">) =>
    rows.push({ id: r.uuid(), hiddenAt: null, hiddenById: null, hiddenReason: null, ...row });
  const fill = (text: string, values: { first?: string; team?: string }) =>
    text.replace(/\{(first|team)\}/g, (_, key: "first" | "team") => values[key] ?? "");

  // Delighted requesters thank whoever helped, right after rating (the rate page offers it).
  const byId = new Map(requests.requests.map((q) => [q.id, q]));
  const delighted = ratings.filter(
    (x) => x.kind === "FIRST" && x.overall === 5 && x.createdAt.getTime() >= since && byId.get(x.requestId)!.assigneeId,
  );
  const shuffled = delighted.map((x) => ({ x, key: r.next() })).sort((a, b) => a.key - b.key);
  for (const { x: rating } of shuffled.slice(0, ABOUT_REQUESTS)) {
    const request = byId.get(rating.requestId)!;
    const teamKey = teamKeys.get(request.providerTeamId)!;
    const at = new Date(Math.min(rating.createdAt.getTime() + r.between(2, 90) * MINUTE, now.getTime()));
    const assignee = people.get(request.assigneeId!)!;
    const toPerson = r.chance(0.65);
    const words = demoKudosWords.aboutRequests[teamKey]!;
    add({
      authorId: request.requesterId,
      recipientUserId: toPerson ? assignee.id : null,
      recipientTeamId: toPerson ? null : request.providerTeamId,
      requestId: request.id,
      message: fill(r.pick(toPerson ? words.person : words.team), {
        first: firstName(assignee.name),
        team: org.teamNames.get(request.providerTeamId)!,
      }),
      createdAt: at,
    });
  }

  // Colleagues thank colleagues: mostly someone in a team they share, sometimes further afield.
  for (let i = 0; i < TO_PEOPLE; i++) {
    const author = r.pick(org.people);
    const mine = teamsOf(author);
    const near = org.people.filter((p) => p.id !== author.id && [...teamsOf(p)].some((t) => mine.has(t)));
    const recipient = r.chance(0.6) && near.length ? r.pick(near) : r.pick(org.people.filter((p) => p.id !== author.id));
    add({
      authorId: author.id,
      recipientUserId: recipient.id,
      recipientTeamId: null,
      requestId: null,
      message: fill(r.pick(demoKudosWords.toPeople), { first: firstName(recipient.name) }),
      createdAt: workingMoment(r, now, r.int(0, DEMO_KUDOS_DAYS - 1)),
    });
  }

  // And other teams, for the work nobody raised a request for.
  for (let i = 0; i < TO_TEAMS; i++) {
    const author = r.pick(org.people);
    const mine = teamsOf(author);
    const teamKey = r.pick(Object.keys(demoKudosWords.toTeams).filter((key) => !mine.has(org.teamIds.get(key)!)));
    add({
      authorId: author.id,
      recipientUserId: null,
      recipientTeamId: org.teamIds.get(teamKey)!,
      requestId: null,
      message: r.pick(demoKudosWords.toTeams[teamKey]!),
      createdAt: workingMoment(r, now, r.int(0, DEMO_KUDOS_DAYS - 1)),
    });
  }

  hideTwo(r, org, rows, now);
  return rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

/**
 * What moderation looks like: a kudos posted twice by mistake, and one that quoted a customer's
 * phone number. Each is hidden by a manager of a team the thanked person is in, a few hours later.
 */
function hideTwo(r: Random, org: DemoOrg, rows: DemoKudosRow[], now: Date) {
  const people = new Map(org.people.map((p) => [p.id, p]));
  const managerFor = (recipientId: string) => {
    const teams = new Set(people.get(recipientId)!.teams.map(([key]) => key));
    return org.people.find((p) => p.id !== recipientId && p.teams.some(([key, role]) => role === "MANAGER" && teams.has(key)));
  };
  const hide = (row: DemoKudosRow, reason: string) => {
    const manager = managerFor(row.recipientUserId!)!;
    row.hiddenAt = new Date(Math.min(row.createdAt.getTime() + r.between(1, 20) * HOUR, now.getTime()));
    row.hiddenById = manager.id;
    row.hiddenReason = reason;
  };

  // Old enough that a manager has noticed, and thanking someone who has one.
  const toPeople = rows.filter(
    (k) => k.recipientUserId && !k.requestId && now.getTime() - k.createdAt.getTime() > 3 * 24 * HOUR && managerFor(k.recipientUserId),
  );
  const original = toPeople[Math.floor(toPeople.length / 3)];
  if (original) {
    const twice: DemoKudosRow = { ...original, id: r.uuid(), createdAt: new Date(original.createdAt.getTime() + r.between(1, 4) * MINUTE) };
    rows.push(twice);
    hide(twice, "Posted twice by mistake; the author asked for this copy to be removed.");
  }

  const careRep = org.people.find((p) => p.teams.some(([key, role]) => key === "care" && role === "MEMBER"));
  const outsiders = org.people.filter((p) => !p.teams.some(([key]) => key === "care"));
  if (careRep && outsiders.length) {
    const author = r.pick(outsiders);
    const at = workingMoment(r, now, r.int(20, 60));
    const row: DemoKudosRow = {
      id: r.uuid(),
      authorId: author.id,
      recipientUserId: careRep.id,
      recipientTeamId: null,
      requestId: null,
      message: `Huge thanks to ${firstName(careRep.name)} for calling Mr Jensen back on 07700 900461 within ten minutes. He rang to say so!`,
      hiddenAt: null,
      hiddenById: null,
      hiddenReason: null,
      createdAt: at,
    };
    rows.push(row);
    hide(row, "Includes a customer's phone number. Asked the author to post it again without it.");
  }
}

// ---------------------------------------------------------------------------------------------
// The words. `{first}` is the thanked person's first name, `{team}` the thanked team's name.

export const demoKudosWords = {
  aboutRequests: {
    servicedesk: {
      person: [
        "{first} had my new laptop ready with everything moved across before I'd even finished the handover. Thank you!",
        "Locked out the morning of a board deadline and {first} had me back in within fifteen minutes. Lifesaver.",
        "{first} explained the MFA set-up so clearly that I helped two colleagues with it afterwards.",
      ],
      team: [
        "Thanks {team}: access sorted the same morning, with a note on how to ask for it next time.",
        "The fastest turnaround I've had from any team this year. Thank you, {team}.",
      ],
    },
    facilities: {
      person: [
        "{first} fixed the meeting room screen an hour before our customer arrived. Calm and quick.",
        "Thank you {first} for sorting my chair the same day. My back is grateful.",
      ],
      team: ["Thanks {team} for getting the badge reader working again before the morning rush."],
    },
    people: {
      person: [
        "{first} untangled my payslip question and had it corrected in the next run. Thank you!",
        "Our new starter had everything on day one thanks to {first}. Best onboarding we've had.",
      ],
      team: ["Thank you {team} for finding me exactly the right course and booking it within a day."],
    },
    finance: {
      person: [
        "{first} chased a supplier payment that had been stuck for weeks and got it out the same day.",
        "Thanks {first} for walking me through the budget report. It finally makes sense.",
      ],
      team: ["Quick, clear answers on the purchase order. Thank you, {team}."],
    },
    field: {
      person: [
        "{first} booked the customer visit for the one morning they could do and confirmed it with them directly.",
        "Thanks {first} for the technical advice: I could give the customer a proper answer on the spot.",
      ],
      team: ["The part arrived early and the repair was right first time. The customer was delighted. Thank you, {team}!"],
    },
    care: {
      person: [
        "{first} called my customer back within the hour and turned a complaint into a thank-you.",
        "Thank you {first} for the account review: thorough, quick, and the customer noticed.",
      ],
      team: ["Thanks {team} for rewriting our customer letter so it actually answers the question."],
    },
  } as Record<string, { person: string[]; team: string[] }>,
  toPeople: [
    "Thank you {first} for covering my calls on Friday so I could get to my daughter's school play.",
    "{first} stayed late to help me finish the quarterly figures. Couldn't have done it without you.",
    "Shout-out to {first} for the brilliant onboarding session. Our new starters loved it.",
    "Thanks {first} for spotting the error in the rota before it went out.",
    "{first} took the time to show me the new reporting tool step by step. Really appreciated.",
    "Big thanks to {first} for calming down a very upset customer and sorting it in one call.",
    "{first}, your notes from the workshop were clearer than the workshop. Thank you!",
    "Thank you {first} for always answering my 'quick questions' with patience.",
    "{first} jumped in when two of us were off sick and kept the queue moving all week.",
    "Thanks {first} for the honest feedback on my presentation. It went much better on the day.",
    "Welcome-back cake, a tidy desk and a handover note. Thank you {first}, that was a lovely surprise.",
    "{first} found the missing invoice that had us all stumped. Detective work of the highest order.",
    "Thank you {first} for mentoring me through my first month. I feel at home already.",
    "{first} made the site visit so easy: directions, parking, the lot. Thank you!",
  ],
  toTeams: {
    servicedesk: ["Thanks to everyone on the Service Desk for the smooth laptop refresh: not a single lost file on our floor."],
    facilities: ["Thank you Facilities for the quick clean-up after the leak on floor 2. Business as usual by lunchtime."],
    people: ["Thank you People & Culture for organising the wellbeing week. The walking meetings were a hit."],
    finance: ["Thanks Finance for closing the quarter early despite the system upgrade. Impressive."],
    field: ["Thank you Field Service for squeezing in the emergency repair at Harbour Bakery on a Saturday."],
    care: ["To all of Customer Care: you handled the outage calls brilliantly. Thank you for keeping customers with us."],
    it: ["Thanks IT for the zero-downtime email migration. We only noticed because you told us."],
  } as Record<string, string[]>,
};
