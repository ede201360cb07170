// The demo organisation's service catalogue and the words its requests are written in: for each
// team that takes requests, 3–6 request types with targets, and for each type a few requests as
// people really write them, the questions the team asks back, internal notes and resolutions.
// `{placeholders}` are filled in by demo-requests.ts (see FILLERS there). Plain data.
import type { Priority } from "~/utils/request-number";

const HOUR = 60;
const DAY = 24 * HOUR;

export interface DemoStory {
  title: string;
  body: string;
}

export interface DemoRequestType {
  name: string;
  description: string;
  priority: Priority;
  firstResponse: number;
  resolution: number;
  /** Retired types keep their old requests but are not offered any more. */
  active?: false;
  /** How often this type is asked for, relative to the team's other types. */
  weight: number;
  stories: DemoStory[];
  questions: string[];
  answers: string[];
  notes: string[];
  resolutions: string[];
}

export const demoCatalogue: Record<string, DemoRequestType[]> = {
  servicedesk: [
    {
      name: "New laptop",
      description: "A new or replacement laptop, set up with your accounts and the standard software.",
      priority: "NORMAL",
      firstResponse: 4 * HOUR,
      resolution: 5 * DAY,
      weight: 3,
      stories: [
        {
          title: "Replacement laptop: battery no longer holds a charge",
          body: "My laptop (asset tag {asset}) lasts about 40 minutes off the charger now. I'm at customer sites twice a week, so I need one that lasts a working day.",
        },
        {
          title: "Laptop for {starter}, starting {date}",
          body: "{starter} joins us on {date}. Please have a standard laptop ready with Office, Teams and the VPN. They'll sit on floor {floor}.",
        },
        {
          title: "Keyboard failing: several keys stick",
          body: "The E, R and space keys stick or type twice. Email is painful. Happy to use a loaner while mine is repaired or replaced.",
        },
        {
          title: "Laptop with more memory for data work",
          body: "I run large {system} exports and Excel models and 8 GB keeps freezing. My manager has approved an upgrade to 16 GB or more.",
        },
      ],
      questions: [
        "Could you confirm your asset tag (the sticker underneath) and which floor you'll collect from?",
        "Is your manager happy for this to go on your team's cost centre? A quick reply here is enough.",
      ],
      answers: ["Asset tag is {asset}; I'll collect from floor {floor}.", "Yes, approved by my manager. Cost centre {costcentre}."],
      notes: ["Two standard builds left in stock; reserved one.", "Ordered from {supplier}, {po}. Usually 3 working days."],
      resolutions: [
        "Your laptop is ready at the service desk on floor {floor}. Bring the old one and we'll move your files while you wait.",
        "New laptop delivered and set up. The old one has been wiped and returned to stock.",
      ],
    },
    {
      name: "Access to a system",
      description: "Access or a role change in a business system, CRM, finance, HR or a shared drive. Say which and why.",
      priority: "NORMAL",
      firstResponse: 2 * HOUR,
      resolution: 1 * DAY,
      weight: 4,
      stories: [
        {
          title: "Read access to {system} for month-end reporting",
          body: "I need read access to {system} to pull the month-end figures. My manager has approved; the same access as {colleague} would be perfect.",
        },
        {
          title: "Edit access to the {folder} shared folder",
          body: "Please give me edit access to {folder} on the shared drive. I've taken this work over from {colleague}.",
        },
        {
          title: "Remove a leaver's access",
          body: "A contractor in our team left on Friday. Please remove their access to {system} and forward their mailbox to me for 30 days.",
        },
        {
          title: "Reports tab missing in {system} since the upgrade",
          body: "After last week's upgrade the Reports tab disappeared from {system}. I use it daily. Did my role change?",
        },
      ],
      questions: [
        "Which role do you need in {system}: viewer or editor?",
        "Can your manager confirm the access here? We need their OK for this system.",
      ],
      answers: ["Viewer is enough, thanks.", "My manager has replied to the email approval; hope that's enough."],
      notes: [
        "Role mapping changed in the upgrade; a few people lost the reporting role.",
        "Approval on file; added to the security group.",
      ],
      resolutions: [
        "Done: you have access now. Sign out and back in if you don't see it straight away.",
        "Access granted. It can take up to an hour to reach every server, so try again after lunch if it doesn't work yet.",
      ],
    },
    {
      name: "Software licence",
      description: "A licence for software that isn't installed as standard, such as Visio, Acrobat Pro or Tableau.",
      priority: "NORMAL",
      firstResponse: 4 * HOUR,
      resolution: 3 * DAY,
      weight: 2,
      stories: [
        { title: "{app} licence", body: "I need {app} for my work on the supplier contracts project. Could I have a licence please?" },
        {
          title: "{app} licence expired this morning",
          body: "{app} says my licence expired today and I can't open my files. I have a deadline on Thursday.",
        },
        { title: "Visio for process maps", body: "We're mapping the returns process and need Visio for two people: me and {colleague}." },
      ],
      questions: ["Do you need the full version, or would the free viewer do?", "Is this for a fixed period, or ongoing?"],
      answers: ["The full version please, I need to edit.", "Ongoing: it's part of my role now."],
      notes: ["Licence pool has 3 free seats.", "No free seats; requested two more from the reseller."],
      resolutions: [
        "Licence assigned. Open the app and sign in with your work account.",
        "Installed via Company Portal and licensed to you. Restart once to finish.",
      ],
    },
    {
      name: "Password or MFA problem",
      description: "Locked out, an expired password, or a new phone for your authenticator app.",
      priority: "HIGH",
      firstResponse: 1 * HOUR,
      resolution: 4 * HOUR,
      weight: 4,
      stories: [
        {
          title: "Locked out after a password reset",
          body: "I reset my password this morning and now my account is locked. I can't get into email or Teams.",
        },
        {
          title: "New phone: need to move my authenticator",
          body: "I have a new phone and the old one is wiped. The authenticator app asks for a code I can't get.",
        },
        {
          title: "MFA prompts not arriving",
          body: "The sign-in approval never arrives on my phone. I've tried three times; notifications are on.",
        },
        {
          title: "Password expired while I was on leave",
          body: "Back from leave today and my password has expired. The self-service reset says my account isn't eligible.",
        },
      ],
      questions: ["Can you call the service desk on extension 4000 so we can verify it's you?"],
      answers: ["Called just now and spoke to the desk."],
      notes: ["Identity verified by phone.", "Account was locked by repeated sign-ins from an old phone's mail app."],
      resolutions: [
        "Account unlocked and a temporary password sent by text. You'll be asked to choose a new one.",
        "MFA reset: at your next sign-in you'll be asked to set up the authenticator again.",
      ],
    },
    {
      name: "Laptop or monitor problem",
      description: "Hardware that's broken or misbehaving: laptops, docks, monitors, headsets.",
      priority: "NORMAL",
      firstResponse: 2 * HOUR,
      resolution: 2 * DAY,
      weight: 3,
      stories: [
        {
          title: "Dock doesn't detect the second monitor",
          body: "At my desk on floor {floor} the dock only shows one screen. Tried another cable.",
        },
        {
          title: "Headset microphone not working in Teams calls",
          body: "People can't hear me on calls. The headset works on my phone, so it's the laptop or Teams.",
        },
        {
          title: "Laptop very slow to start since the update",
          body: "Since last week's update my laptop takes 15 minutes to start and the fan is always on.",
        },
        {
          title: "Cracked laptop screen",
          body: "I dropped my bag and the screen has a crack across the corner. It still works but it's spreading.",
        },
      ],
      questions: ["Does it happen at any other desk, or only at yours?", "Could you send a photo of the screen?"],
      answers: ["Only at my desk: at a hot desk it works.", "Photo attached by email just now."],
      notes: ["Known issue with the dock firmware; update pushed tonight.", "Under warranty; repair booked with {supplier}."],
      resolutions: [
        "Firmware updated and the dock replaced; both screens work again.",
        "Swapped for a loan laptop while yours is repaired under warranty.",
      ],
    },
    {
      name: "Desk phone",
      description: "Desk phones were retired when we moved to Teams calling. Kept for the history of earlier requests.",
      priority: "LOW",
      firstResponse: 1 * DAY,
      resolution: 5 * DAY,
      active: false,
      weight: 0,
      stories: [
        { title: "Desk phone shows 'no service'", body: "The phone on my desk (floor {floor}) has shown 'no service' since Monday." },
        { title: "Voicemail PIN reset", body: "I've forgotten my voicemail PIN. Could you reset it?" },
      ],
      questions: ["Is the phone plugged into the blue network socket?"],
      answers: ["Yes, the blue one."],
      notes: ["Phones are being retired next month; minimal fix only."],
      resolutions: ["Reset the handset; it has service again.", "PIN reset to the default; you'll be asked to change it."],
    },
  ],
  facilities: [
    {
      name: "Desk or chair repair",
      description: "Broken or wobbly desks, chairs that won't adjust, and ergonomic equipment.",
      priority: "LOW",
      firstResponse: 1 * DAY,
      resolution: 5 * DAY,
      weight: 3,
      stories: [
        {
          title: "Chair won't stay up: gas lift broken",
          body: "My chair sinks to the lowest position within minutes. Desk {desk} on floor {floor}.",
        },
        { title: "Desk height adjustment stuck", body: "The sit-stand desk at {desk} won't go up or down; the control panel beeps." },
        {
          title: "Ergonomic chair after my assessment",
          body: "My workstation assessment recommends a chair with lumbar support. Report sent to you by email.",
        },
      ],
      questions: ["Which desk number is it? It's on the sticker at the front edge."],
      answers: ["It's desk {desk}."],
      notes: ["Spare chairs in the floor 2 store.", "Desk motor under warranty; supplier visit booked."],
      resolutions: ["Chair replaced. The old one has gone for repair.", "Desk motor replaced by the supplier; it moves again."],
    },
    {
      name: "Meeting room problem",
      description: "Anything wrong with a meeting room: temperature, furniture, doors, cleaning.",
      priority: "NORMAL",
      firstResponse: 2 * HOUR,
      resolution: 1 * DAY,
      weight: 3,
      stories: [
        {
          title: "{room} far too hot",
          body: "{room} is at 28 °C and the air conditioning doesn't respond. We have customers in there at 2 pm.",
        },
        {
          title: "{room} locked although booked",
          body: "{room} is booked for us from 10:00 but the door is locked and reception has no key.",
        },
        {
          title: "Broken whiteboard in {room}",
          body: "The whiteboard in {room} has come off its top bracket and leans on the wall. Not safe.",
        },
        {
          title: "Lights flickering in {room}",
          body: "The ceiling lights in {room} flicker constantly. Two people got headaches in a workshop yesterday.",
        },
      ],
      questions: ["Is the room free for our technician this afternoon?"],
      answers: ["Free after 3 pm."],
      notes: ["Air handling unit for that zone has a fault code; contractor called.", "Lock battery flat; replacing."],
      resolutions: ["Fixed: the room is back to normal.", "Contractor repaired it this morning; the room is available again."],
    },
    {
      name: "Access badge",
      description: "A new or replacement badge, door access, and temporary badges for visitors and contractors.",
      priority: "NORMAL",
      firstResponse: 4 * HOUR,
      resolution: 2 * DAY,
      weight: 3,
      stories: [
        { title: "Replacement badge: lost mine", body: "I lost my badge on the way home yesterday. Please cancel it and issue a new one." },
        {
          title: "Badge doesn't open the floor {floor} door",
          body: "My badge works at the front door but not on floor {floor}, where my team moved.",
        },
        {
          title: "Temporary badge for a visiting contractor",
          body: "A contractor from {supplier} is with us all next week. Can they have a temporary badge?",
        },
        { title: "Badge for new starter {starter}", body: "{starter} starts on {date}. Photo attached by email." },
      ],
      questions: ["Could you send a passport-style photo for the badge?"],
      answers: ["Photo sent by email."],
      notes: ["Old badge cancelled in the access system.", "Access group for floor {floor} updated."],
      resolutions: ["Your badge is ready at reception.", "Access updated; your badge opens the floor {floor} doors now."],
    },
    {
      name: "Heating, lighting or leaks",
      description: "Building problems: no heating, lights out, leaks, toilets out of order. Call reception for anything dangerous.",
      priority: "HIGH",
      firstResponse: 1 * HOUR,
      resolution: 1 * DAY,
      weight: 2,
      stories: [
        {
          title: "Water dripping from the ceiling on floor {floor}",
          body: "Water is dripping from a ceiling tile near the kitchen on floor {floor}. We put a bin under it.",
        },
        { title: "No heating in the east wing", body: "The east wing has been cold all morning; people are working in coats." },
        {
          title: "Stairwell lights out",
          body: "The lights in the north stairwell are out between floors {floor} and 6. It's dark in the afternoon.",
        },
      ],
      questions: ["Is it still dripping, or has it stopped?"],
      answers: ["Still dripping, a bit slower."],
      notes: ["Plumber booked for this afternoon.", "Boiler contractor on site; pump replaced."],
      resolutions: ["Repaired and the ceiling tile replaced.", "Heating is back on; it'll be warm within the hour."],
    },
  ],
  people: [
    {
      name: "Payslip question",
      description: "Something on your payslip you don't understand or think is wrong.",
      priority: "NORMAL",
      firstResponse: 1 * DAY,
      resolution: 3 * DAY,
      weight: 4,
      stories: [
        {
          title: "Tax code changed without explanation",
          body: "My tax code changed on the {month} payslip and my take-home pay dropped. Nothing changed on my side.",
        },
        {
          title: "Pension contribution looks wrong",
          body: "My pension contribution went from 5% to 3% this month. I didn't ask for that.",
        },
        { title: "Bonus not on my payslip", body: "My manager confirmed my bonus for last quarter but it wasn't in this month's pay." },
      ],
      questions: ["Could you confirm your employee number so we can check the payroll record?"],
      answers: ["It's E{employee}."],
      notes: ["Payroll system applied last year's code; correcting.", "Bonus approval arrived after the payroll cut-off."],
      resolutions: [
        "Corrected: you'll see the difference on next month's payslip, itemised as an adjustment.",
        "We've checked and the payslip is right: the change comes from the new tax year. Details in the reply above.",
      ],
    },
    {
      name: "Leave balance",
      description: "Questions about your holiday, parental or other leave balance.",
      priority: "LOW",
      firstResponse: 1 * DAY,
      resolution: 3 * DAY,
      weight: 3,
      stories: [
        {
          title: "Carried-over days missing from my leave balance",
          body: "I carried over 4 days from last year, approved by my manager, but my balance doesn't show them.",
        },
        { title: "Leave booked twice", body: "The same week of leave shows twice in the system, so my balance is 5 days short." },
        {
          title: "Leave balance after moving to four days a week",
          body: "I moved to four days a week from {month}. Has my leave been pro-rated correctly?",
        },
      ],
      questions: ["Could you forward your manager's approval of the carry-over?"],
      answers: ["Forwarded just now."],
      notes: ["Duplicate booking from the calendar sync; removed."],
      resolutions: ["Fixed: your balance is right now.", "Your balance has been recalculated for four days a week."],
    },
    {
      name: "Onboarding a new starter",
      description: "Contract, first-day plan, induction and buddy for someone joining your team.",
      priority: "NORMAL",
      firstResponse: 1 * DAY,
      resolution: 10 * DAY,
      weight: 2,
      stories: [
        {
          title: "Onboarding for {starter}, starting {date}",
          body: "{starter} joins my team on {date}. Please send the contract and set up the induction; I'll be their buddy.",
        },
        {
          title: "First-day plan for a new {role}",
          body: "We have a new {role} starting soon. Could we get the standard first-week plan and induction slots?",
        },
      ],
      questions: ["Has the candidate returned the signed offer yet?"],
      answers: ["Yes, signed offer came back yesterday."],
      notes: ["Contract issued; right-to-work check booked.", "Laptop and badge requested from IT and Facilities."],
      resolutions: ["All set: contract signed, induction booked, and the welcome email has gone to {starter}."],
    },
    {
      name: "Training course booking",
      description: "Booking a course from the learning catalogue, or asking for one that isn't there.",
      priority: "LOW",
      firstResponse: 2 * DAY,
      resolution: 10 * DAY,
      weight: 2,
      stories: [
        { title: "Book me on {course}", body: "My manager agreed I should do {course} this quarter. Is there a date next month?" },
        { title: "{course} for the whole team", body: "Could we run {course} for our team of eight, ideally in one session?" },
      ],
      questions: ["Are mornings or afternoons better for you?"],
      answers: ["Mornings, please."],
      notes: ["Next public date is full; asked the provider for an extra session."],
      resolutions: ["Booked: the invitation is in your calendar.", "Session arranged for the team; invitations sent."],
    },
  ],
  finance: [
    {
      name: "Invoice payment status",
      description: "Has a supplier's invoice been paid, and when will it be?",
      priority: "NORMAL",
      firstResponse: 4 * HOUR,
      resolution: 2 * DAY,
      weight: 4,
      stories: [
        {
          title: "{supplier} chasing invoice {invoice}",
          body: "{supplier} says invoice {invoice} is 30 days overdue and they may pause deliveries.",
        },
        {
          title: "Has invoice {invoice} been paid?",
          body: "Our contact at {supplier} can't see payment for {invoice} ({amount}). Could you check?",
        },
        {
          title: "Supplier says we paid {amount} short",
          body: "{supplier} says our last payment was {amount} short of invoice {invoice}.",
        },
      ],
      questions: ["Do you have the PO number the invoice was raised against?"],
      answers: ["It was {po}."],
      notes: ["Invoice was on hold: no goods receipt in the system.", "Paid in Tuesday's run; remittance resent."],
      resolutions: [
        "Paid today; the remittance advice has gone to the supplier.",
        "It was paid on the 14th; I've sent the supplier the remittance.",
      ],
    },
    {
      name: "Purchase order",
      description: "Raising or changing a purchase order. Include the supplier, amount and cost centre.",
      priority: "NORMAL",
      firstResponse: 1 * DAY,
      resolution: 3 * DAY,
      weight: 3,
      stories: [
        {
          title: "PO for {supplier}: {amount}",
          body: "Please raise a PO for {supplier}, {amount}, cost centre {costcentre}. Quote attached by email.",
        },
        {
          title: "PO for the team offsite venue",
          body: "We've booked a venue for our offsite ({amount}); they need a PO before confirming.",
        },
        { title: "Amend {po}: quantity changed", body: "The order on {po} went from 20 to 25 units. Could you amend it?" },
      ],
      questions: ["Who is the budget holder who should approve this?"],
      answers: ["My manager is the budget holder; they've approved in the system."],
      notes: ["Over the approval limit; needs the finance manager's sign-off."],
      resolutions: ["PO raised: {po}. Send it to the supplier.", "PO amended; the supplier has the new version."],
    },
    {
      name: "Expense claim question",
      description: "Claims that were rejected, not paid yet, or questions about what you can claim.",
      priority: "LOW",
      firstResponse: 1 * DAY,
      resolution: 5 * DAY,
      weight: 3,
      stories: [
        {
          title: "Expense claim rejected: the receipt was attached",
          body: "My claim for the {month} customer visit was rejected for a missing receipt, but it's attached.",
        },
        {
          title: "Can I claim a home-office chair?",
          body: "I work from home three days a week. Can I claim a chair, and up to what amount?",
        },
        { title: "Mileage rate for customer visits", body: "What rate do we pay per kilometre for visits in my own car?" },
        { title: "{month} expense claim still not paid", body: "My claim from {month} was approved but hasn't been paid." },
      ],
      questions: ["Could you re-submit the receipt as a PDF? The image didn't come through."],
      answers: ["Re-submitted as a PDF."],
      notes: ["Receipt was unreadable in the system, not missing."],
      resolutions: ["Approved and paid in this week's run.", "Answered above; the policy link is in the reply."],
    },
    {
      name: "Budget report",
      description: "Spending against budget for your cost centre, or questions about a figure in a report.",
      priority: "LOW",
      firstResponse: 2 * DAY,
      resolution: 5 * DAY,
      weight: 1,
      stories: [
        {
          title: "Spend vs budget for cost centre {costcentre}",
          body: "Could I have spend against budget for {costcentre} for the last quarter, by category?",
        },
        {
          title: "Why is our travel budget negative?",
          body: "Our travel budget shows minus {amount}, but we've hardly travelled. Could something be miscoded?",
        },
      ],
      questions: ["Do you need it by month, or just the quarter total?"],
      answers: ["By month, please."],
      notes: ["Two hotel invoices coded to the wrong cost centre."],
      resolutions: ["Report attached by email.", "Recoded the two invoices; your budget is correct now."],
    },
  ],
  field: [
    {
      name: "Schedule a customer visit",
      description: "Book a technician visit for a customer: installation, repair or service.",
      priority: "NORMAL",
      firstResponse: 4 * HOUR,
      resolution: 3 * DAY,
      weight: 4,
      stories: [
        {
          title: "Visit needed: {customer}, service overdue",
          body: "{customer}'s annual service is two months overdue. They're free any morning next week.",
        },
        {
          title: "{customer} wants a technician this week",
          body: "{customer} reports error {code} and no heating. Elderly resident; please prioritise.",
        },
        {
          title: "Revisit: the fault came back at {customer}",
          body: "The fault fixed last week at {customer} is back. They're unhappy; please send the same technician if possible.",
        },
      ],
      questions: ["Does the customer have a preferred time window?"],
      answers: ["Mornings before 11, they said."],
      notes: ["Booked into Thursday's route.", "Needs a part from the warehouse first."],
      resolutions: [
        "Visit done; the unit works and the customer signed off.",
        "Technician visited and fixed it; report in the job system.",
      ],
    },
    {
      name: "Spare parts",
      description: "Parts for a repair or for van stock.",
      priority: "NORMAL",
      firstResponse: 4 * HOUR,
      resolution: 2 * DAY,
      weight: 2,
      stories: [
        { title: "{part} for a customer's unit", body: "Need one {part} for a repair at {customer}. Model {model}." },
        { title: "Van stock: two {part}s", body: "I'm down to my last {part}. Could you send two to the depot?" },
      ],
      questions: ["Which model is it exactly? The plate is inside the front cover."],
      answers: ["It's the {model}."],
      notes: ["On back order with {supplier}; alternative part checked."],
      resolutions: ["Parts at the depot; collect from the parts desk.", "Delivered to the customer's address for the visit."],
    },
    {
      name: "Technical advice",
      description: "A technician's advice on a product or a fault, for a customer question.",
      priority: "NORMAL",
      firstResponse: 2 * HOUR,
      resolution: 1 * DAY,
      weight: 2,
      stories: [
        { title: "Can the {model} be wall-mounted?", body: "A customer asks whether the {model} can go on a plasterboard wall." },
        { title: "What does error {code} mean?", body: "Customer on the phone reads out error {code}. What should I tell them?" },
      ],
      questions: ["Is the unit still under warranty?"],
      answers: ["Yes, bought last year."],
      notes: ["Checked with the manufacturer's technical line."],
      resolutions: [
        "Yes, with the heavy-duty bracket; details above.",
        "It means low pressure; the customer can top it up following the guide I've linked.",
      ],
    },
  ],
  care: [
    {
      name: "Customer callback needed",
      description: "A customer needs a call back from Customer Care, e.g. about a complaint or a refund.",
      priority: "HIGH",
      firstResponse: 2 * HOUR,
      resolution: 1 * DAY,
      weight: 3,
      stories: [
        {
          title: "Call back {customer} about their complaint",
          body: "{customer} called our reception upset about a missed delivery. Please call them back today.",
        },
        {
          title: "{customer} wants a refund update",
          body: "{customer} asked me at the visit when their refund will arrive. They've waited three weeks.",
        },
      ],
      questions: ["Do you have a phone number for them? It's not on the account."],
      answers: ["Yes, sent it to you in a private message."],
      notes: ["Customer has called three times; flagging to the team lead."],
      resolutions: ["Called the customer; issue explained and they're happy.", "Spoke to them; refund confirmed for Friday."],
    },
    {
      name: "Escalated customer account review",
      description: "A full review of a customer's account after repeated problems or an escalation.",
      priority: "HIGH",
      firstResponse: 4 * HOUR,
      resolution: 3 * DAY,
      weight: 2,
      stories: [
        {
          title: "Review {customer}'s account: repeated billing errors",
          body: "{customer} has had three wrong bills in a row. Please review the account and put it right.",
        },
        { title: "Goodwill credit for {customer}?", body: "{customer} had two missed visits. Can Customer Care offer a goodwill credit?" },
      ],
      questions: ["Do you know which bills were wrong?"],
      answers: ["The last three, per the customer."],
      notes: ["Tariff was set up wrong at the move; correcting and crediting."],
      resolutions: ["Account corrected, credit applied, and the customer has had a written apology."],
    },
    {
      name: "Customer communication review",
      description: "Ask Customer Care to review wording that goes to customers: letters, FAQs, messages.",
      priority: "NORMAL",
      firstResponse: 1 * DAY,
      resolution: 3 * DAY,
      weight: 1,
      stories: [
        {
          title: "Review the price-change letter",
          body: "Could Customer Care check the wording of the price-change letter before it goes out on the 1st?",
        },
        {
          title: "Check the new FAQ on invoices",
          body: "We've drafted an FAQ page about the new invoices. Could you review it for tone and clarity?",
        },
      ],
      questions: ["Is there a deadline for comments?"],
      answers: ["End of the week, please."],
      notes: ["Two phrases likely to cause calls; suggested alternatives."],
      resolutions: ["Reviewed; comments are in the document."],
    },
  ],
};

/** Requests that went to the wrong team first and were passed on (and sometimes back). */
export interface DemoTransferStory extends DemoStory {
  /** The teams it was with, in order: the last one keeps it. */
  path: string[];
  /** The type it had with each team of `path`. */
  types: string[];
  /** Why each team passed it on. */
  reasons: string[];
}

export const demoTransferStories: DemoTransferStory[] = [
  {
    path: ["servicedesk", "facilities"],
    types: ["Laptop or monitor problem", "Meeting room problem"],
    title: "{room}: ceiling projector keeps switching off",
    body: "The projector in {room} flickers and switches off every few minutes. We have a customer workshop there on Thursday.",
    reasons: ["Room projectors are part of the room fit-out, which Facilities look after."],
  },
  {
    path: ["facilities", "servicedesk"],
    types: ["Meeting room problem", "Laptop or monitor problem"],
    title: "{room}: wall screen won't connect to laptops",
    body: "The wall screen in {room} shows 'no signal' with every cable we try. Two meetings had to move today.",
    reasons: ["Room screens and their connectors are managed by IT, so passing this to the Service Desk."],
  },
  {
    path: ["servicedesk", "facilities", "servicedesk"],
    types: ["Access to a system", "Access badge", "Access to a system"],
    title: "Badge stopped opening doors after my name change",
    body: "Since my surname changed in the HR system last week, my badge no longer opens the floor {floor} doors. Reception let me in today.",
    reasons: [
      "Badges are issued by Facilities, so transferring.",
      "The badge itself is fine: the door system reads names from the directory, which is out of sync. Back to IT.",
    ],
  },
  {
    path: ["finance", "people"],
    types: ["Expense claim question", "Payslip question"],
    title: "Overtime missing from my {month} payslip",
    body: "I worked 6 hours' overtime in {month}, approved by my manager, but it isn't on my payslip.",
    reasons: ["Overtime is paid through payroll, which People & Culture run."],
  },
  {
    path: ["people", "finance"],
    types: ["Payslip question", "Expense claim question"],
    title: "Reimbursement for my certification exam",
    body: "I paid the exam fee myself ({amount}) as agreed with my manager. How do I get it back?",
    reasons: ["Course and exam reimbursements are expense claims, so over to Finance."],
  },
  {
    path: ["care", "field"],
    types: ["Customer callback needed", "Schedule a customer visit"],
    title: "{customer}: technician didn't turn up",
    body: "{customer} waited in all morning for a technician who never came. They want a new appointment this week.",
    reasons: ["This needs a new visit rather than a callback, so passing it to Field Service, who own the schedule."],
  },
  {
    path: ["field", "care"],
    types: ["Technical advice", "Customer callback needed"],
    title: "{customer} wants to discuss their bill after the repair",
    body: "After our repair visit {customer} asked why the call-out charge is higher than quoted. Can someone call them?",
    reasons: ["Billing questions are for Customer Care; the technical side is finished."],
  },
  {
    path: ["facilities", "servicedesk", "facilities"],
    types: ["Heating, lighting or leaks", "Laptop or monitor problem", "Heating, lighting or leaks"],
    title: "Thermostat panel on floor {floor} shows a network error",
    body: "The wall thermostat on floor {floor} shows 'NETWORK ERROR' and the floor is freezing.",
    reasons: [
      "The panel is on the network; this looks like a connection problem for IT.",
      "The network port is live: it's the panel's controller, which the heating contractor services. Back to Facilities.",
    ],
  },
];

/** What people say at the common moments of a request, whatever its type. */
export const demoPhrases = {
  acknowledgements: [
    "Thanks, I've picked this up and will update you here.",
    "Got it. Looking into it now.",
    "Thanks for the detail, that helps. On it.",
    "Picked up. I'll come back to you today with next steps.",
  ],
  thanks: ["Thanks, all working now.", "Perfect, thank you!", "Great, thanks for the quick turnaround.", "Thank you, much appreciated."],
  reopen: [
    "Sorry, this is happening again since this morning.",
    "The fix didn't hold: same problem today.",
    "Not quite sorted: the second part of my request is still missing.",
  ],
  cancel: [
    "No longer needed: sorted it another way. Thanks anyway.",
    "Raised this by mistake, sorry.",
    "A colleague already raised the same thing, so I'm cancelling mine.",
    "Plans changed; we don't need this any more.",
  ],
  promise: [
    "Waiting on the supplier's delivery slot.",
    "Needs the budget holder's sign-off first.",
    "Booked into our schedule for that day.",
    "Depends on a change that goes live that week.",
  ],
  renegotiate: [
    "The supplier pushed delivery back; sorry, new date below.",
    "Sign-off took longer than expected.",
    "We found a second problem while fixing the first; it needs a little longer.",
  ],
  chase: ["Any news on this?", "Just checking in: is there an update?", "This is getting urgent for us now, could you take a look?"],
} as const;

/** Values for `{placeholders}` in the texts above. */
export const demoFillers: Record<string, readonly string[]> = {
  system: ["Salesforce", "NetSuite", "Workday", "the data warehouse", "Power BI", "the billing system"],
  folder: ["Finance/Month-end", "Operations/Rotas", "Customer Care/Scripts", "People/Policies", "Procurement/Contracts"],
  starter: ["Leah Morgan", "Owen Price", "Aditi Shah", "Marta Kowalski", "Ben Okafor", "Clara Jensen"],
  room: ["the Aurora room", "the Baltic room", "the Cedar room", "the Delta room", "the Everest room", "the Fjord room"],
  supplier: ["Northwind Traders", "Contoso Supplies", "Fabrikam Ltd", "Tailspin Office", "Litware Parts"],
  app: ["Adobe Acrobat Pro", "Visio", "Tableau", "Miro", "Lucidchart"],
  customer: ["Harbour Bakery", "Greenfield Dental", "Mrs Okonkwo", "Brightside Hotels", "Mr Jensen", "Valley Vets", "Summit Logistics"],
  part: ["pressure sensor", "control board", "fan motor", "door seal", "ignition lead"],
  model: ["HX-200", "HX-350", "Eco 24"],
  code: ["E14", "F03", "L27"],
  course: ["Excel for analysts", "Managing difficult conversations", "Project management foundations", "Mental health first aid"],
  role: ["customer care representative", "field technician", "financial analyst"],
};
