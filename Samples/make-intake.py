#!/usr/bin/env python3
"""The demo intake: one CSV per landlord, Samples/intake/<pack>.csv, for `redress import`.

    python3 Samples/make-intake.py            # (re)write the five files
    python3 Samples/make-intake.py --check    # exit 1 if a committed file differs from what this makes

A store is bound to one policy pack, so each landlord has its own file, and each file's header
holds the intake facts its pack's triage reads (see the header comment of
Scripts/policies/<pack>.lua) beside the fields every import takes (received, channel, category,
summary, desired_outcome, event_date, aware_date, complainant, complainant_email,
complainant_phone, complainant_role, representative). Yes/no facts are `yes` or empty.

Everything is synthetic: names are ordinary first names with made-up surnames (Sampleford,
Demowood, ...), email addresses are at example.org, phone numbers are in Ofcom's drama range
07700 900000-900999. Contacts arrive from June to December 2026, most in the last quarter,
across the August bank holiday and Christmas 2026; phone calls, letters, visits and MPs'
letters only on working days. Each file is made from its own fixed seed, so the output is the
same on every run and every machine (Python's random.Random with an integer seed).

What each file holds, by the rule of the pack it exercises (counts are printed when it runs):
- winchester: complaints (with the contact details Stage 1, 1. asks for), an old issue (the
  policy sets no time limit), members of the public, compliments.
- southern-charity: complaints, first reports sorted out there and then (service requests),
  anonymous complaints (no identity) and complaints in confidence, safeguarding, the same
  complaint raised again after a review (excluded), and one resident whose frequent contact
  the demo's casework restricts.
- wdh: service recovery, stage 1 complaints (unhappy with service recovery, needing
  investigation, asked for), every exclusion in the procedure's list (ASB reports, insurance
  claims, new-build defects inside 12 months, legal proceedings and court matters, another
  appeal route, vexatious, tenancy breach action, already answered, staff conduct, six months
  or more after the problem, a third party without consent) and the complaints about how such
  matters were handled that are accepted, contacts a few weeks inside the six-month bar, MPs'
  and councillors' enquiries and anonymous reports (answered outside the procedure), and one
  resident the casework warns and then restricts.
- willow-tree: complaints, dissatisfaction without the word complaint (offered the choice,
  some decline), survey dissatisfaction, requests for service, compliments, the Code's
  exclusions (12 months, legal proceedings, already considered), nominated representatives.
- halton: complaints (in confidence), formal enquiries through MPs, councillors, board members
  and advocates, complaints that come the same way, general enquiries and first requests for
  service, compliments, time-barred issues (known for more than 12 months with no contact),
  old issues raised in time, appeals against other policies, and a behaviour exclusion.
"""

import csv
import datetime
import io
import pathlib
import random
import sys

HERE = pathlib.Path(__file__).resolve().parent
OUT = HERE / "intake"
FIRST, LAST = datetime.date(2026, 6, 1), datetime.date(2026, 12, 31)

# England and Wales bank holidays in and around the intake (GOV.UK).
HOLIDAYS = {datetime.date(*d) for d in [(2026, 1, 1), (2026, 4, 3), (2026, 4, 6), (2026, 5, 4), (2026, 5, 25),
                                        (2026, 8, 31), (2026, 12, 25), (2026, 12, 28), (2027, 1, 1)]}

# Contacts per month: more in the last quarter, so the demo's "today" (4 January 2027) has a
# working queue; December's include the days before and after Christmas.
MONTH_WEIGHTS = {6: 8, 7: 9, 8: 11, 9: 14, 10: 17, 11: 19, 12: 22}

# Channels that need an open office or a person: working days only.
WORKING_DAY_CHANNELS = {"phone", "letter", "in_person", "mp_or_councillor"}

COMMON = ["received", "channel", "category", "summary", "desired_outcome", "event_date", "aware_date",
          "complainant", "complainant_email", "complainant_phone", "complainant_role"]

FIRST_NAMES = ["Amira", "Ben", "Chloe", "Dev", "Ella", "Femi", "Grace", "Hassan", "Isla", "Jack", "Kiran", "Leah",
               "Marek", "Nadia", "Owen", "Priya", "Quinn", "Rosa", "Sam", "Tariq", "Una", "Vic", "Wendy", "Yusuf",
               "Zara", "Aled", "Bethan", "Callum", "Dina", "Eamon", "Fern", "Gareth", "Hana", "Ivan", "Joy"]
SURNAME_STEMS = ["Sample", "Demo", "Mock", "Test", "Example", "Proto", "Dummy", "Fixture"]
SURNAME_ENDS = ["ford", "wood", "ton", "by", "well", "field", "ley", "ham", "stone", "brook"]


def is_working_day(d):
    return d.weekday() < 5 and d not in HOLIDAYS


def add_months(d, n):
    """Calendar months, clamped to the month's end (as Redress's date:add_months)."""
    month = d.month - 1 + n
    year, month = d.year + month // 12, month % 12 + 1
    days = [31, 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28, 31, 30, 31, 30, 31, 31, 30,
            31, 30, 31][month - 1]
    return datetime.date(year, month, min(d.day, days))


def iso(d):
    return d.isoformat() if d else ""


class Landlord:
    """One file's random stream, its residents, and its rows."""

    def __init__(self, pack, seed, columns, channels):
        self.pack = pack
        self.rng = random.Random(seed)
        self.columns = COMMON + columns
        self.channels = channels          # [(channel, weight)]
        self.rows = []
        self.intended = {}                # (kind, status) -> count, as the pack should triage the rows
        self.people = []
        self.emails = set()

    # dates ---------------------------------------------------------------------------------
    def received(self, channel, month=None, day=None):
        """A received date for `channel`: in `month` (else by MONTH_WEIGHTS), on `day` if given."""
        rng = self.rng
        if month is None:
            month = rng.choices(list(MONTH_WEIGHTS), weights=list(MONTH_WEIGHTS.values()))[0]
        if day is None:
            last = (add_months(datetime.date(2026, month, 1), 1) - datetime.timedelta(days=1)).day
            day = rng.randint(1, last)
        d = datetime.date(2026, month, day)
        if channel in WORKING_DAY_CHANNELS:
            while not is_working_day(d):
                d += datetime.timedelta(days=1)
            while d > LAST or not is_working_day(d):
                d -= datetime.timedelta(days=1)
        return max(FIRST, min(LAST, d))

    def days_before(self, d, low, high):
        return d - datetime.timedelta(days=self.rng.randint(low, high))

    def channel(self, choices=None):
        options = choices or self.channels
        return self.rng.choices([c for c, _ in options], weights=[w for _, w in options])[0]

    # people ----------------------------------------------------------------------------------
    def new_person(self, role="tenant", first=None, last=None):
        rng = self.rng
        first = first or rng.choice(FIRST_NAMES)
        last = last or rng.choice(SURNAME_STEMS) + rng.choice(SURNAME_ENDS)
        stem = f"{first}.{last}".lower()
        email, n = f"{stem}@example.org", 2
        while email in self.emails:
            email, n = f"{stem}{n}@example.org", n + 1
        self.emails.add(email)
        person = {"complainant": f"{first} {last}", "complainant_email": email,
                  "complainant_phone": f"07700 900{rng.randint(0, 999):03d}", "complainant_role": role}
        self.people.append(person)
        return person

    def person(self, role="tenant", channel=None):
        """A resident: a returning one about a fifth of the time. Email and web contacts always carry
        the email address, phone and text contacts the number; otherwise each is sometimes missing."""
        rng = self.rng
        same_role = [p for p in self.people if p["complainant_role"] == role and not p.get("fixed")]
        p = dict(rng.choice(same_role)) if same_role and rng.random() < 0.2 else dict(self.new_person(role))
        p.pop("fixed", None)
        if channel not in ("email", "web") and rng.random() < 0.15:
            p["complainant_email"] = ""
        if channel not in ("phone", "text") and rng.random() < 0.3 and p["complainant_email"]:
            p["complainant_phone"] = ""
        return p

    # rows ------------------------------------------------------------------------------------
    def add(self, intended, **fields):
        unknown = set(fields) - set(self.columns)
        if unknown:
            raise SystemExit(f"{self.pack}: columns not in the header: {sorted(unknown)}")
        row = {name: "" for name in self.columns}
        for name, value in fields.items():
            if value is True:
                value = "yes"
            elif value in (False, None):
                value = ""
            elif isinstance(value, datetime.date):
                value = value.isoformat()
            row[name] = value
        self.rows.append(row)
        self.intended[intended] = self.intended.get(intended, 0) + 1

    def contact(self, intended, category, kind="complaint", channel=None, role="tenant", received=None,
                event=(0, 45), who=None, **facts):
        """A row about `category`, its summary and desired outcome drawn from the catalogue for `kind`."""
        rng = self.rng
        channel = channel or self.channel()
        if received is None and category == "heating_and_hot_water":
            # heating fails when it is needed: autumn and winter
            received = self.received(channel, month=rng.choice([9, 10, 11, 11, 12, 12]))
        received = received or self.received(channel)
        texts = CATALOGUE[category]
        summary = rng.choice(texts[kind])
        outcome = rng.choice(texts["outcome"]) if kind == "complaint" else ""
        event_date = self.days_before(received, *event) if event else None
        if who is None:
            who = self.person(role, channel)
        self.add(intended, received=received, channel=channel, category=category, summary=summary,
                 desired_outcome=outcome, event_date=facts.pop("event_date", event_date), **who, **facts)

    def sorted_rows(self):
        # By received date, then as generated: the order a team would have logged them.
        return sorted(self.rows, key=lambda r: r["received"])

    def text(self):
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=self.columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(self.sorted_rows())
        return out.getvalue()


# The words of the contacts. {} in a summary is left as written; these are whole sentences.
CATALOGUE = {
    "repairs": {
        "complaint": [
            "Reported a leak under the kitchen sink three times; two appointments were missed and nobody called to rebook.",
            "The front door lock has been broken for five weeks and the contractor never turned up.",
            "Bathroom extractor fan reported in the summer, still not fixed, and the operative said parts were on order.",
            "The bedroom window will not close; the repair was marked complete but nobody came.",
            "Roof leak into the back bedroom after every storm; a temporary patch failed and the ceiling is stained.",
            "Toilet cistern keeps overflowing; the third visit was cancelled on the day without notice.",
            "Kitchen units damaged by the last repair were never put back; the job was closed without asking me.",
            "Waited in all day twice for a plumber who did not come, and lost two days' pay.",
        ],
        "request": [
            "Reporting a dripping kitchen tap for the first time.",
            "The front door lock is stiff and hard to turn; please send someone.",
            "Bathroom extractor fan has stopped working.",
            "A cracked pane in the back bedroom window needs replacing.",
            "Toilet cistern keeps running after flushing.",
            "Gutter at the front is blocked and overflowing in the rain.",
        ],
        "outcome": ["The repair done properly, and compensation for the missed appointments.",
                    "A firm date for the repair and an apology.",
                    "The repair completed and my wasted days off recognised.",
                    "Someone to take responsibility and fix it this time."],
        "compliment": ["The repairs operative was polite, quick and tidied up after the job.",
                       "Thank you to the plumber who came out the same day and explained everything."],
        "enquiry": ["Asking when the planned window replacement on the estate will reach our block."],
    },
    "heating_and_hot_water": {
        "complaint": [
            "No heating or hot water for six days in cold weather; the boiler repair was promised for the next day.",
            "Boiler keeps failing; four callouts since October and the engineer says it needs replacing.",
            "No hot water for over a week with two small children; told to boil kettles.",
            "Radiators in two rooms do not work and nobody has been to look at them since the heating was serviced.",
            "The heating broke down on a Friday night and the emergency line said it was not an emergency.",
        ],
        "request": ["The boiler is showing a fault code and the heating is off.",
                    "The radiator in the lounge is cold at the top.",
                    "Annual gas safety check letter received; need to rearrange the date."],
        "outcome": ["A new boiler, and compensation for the days without heating.",
                    "Heating working reliably, and the electric heater costs refunded.",
                    "An apology and a working boiler before it gets colder."],
        "compliment": ["The heating engineer came on a Sunday and had the boiler working in an hour."],
        "enquiry": ["Asking whether our block is in the boiler replacement programme next year."],
    },
    "damp_and_mould": {
        "complaint": [
            "Black mould in the bathroom keeps coming back, and the children have been coughing.",
            "Damp on the bedroom walls reported in the spring; a mould wash was done but the cause was never found.",
            "Mould on clothes in the wardrobe ruined a winter coat and school uniforms.",
            "The damp survey was booked and cancelled twice; the mould is now in the living room too.",
            "Told to open the windows and heat the flat more, but the damp is from a leaking gutter outside.",
        ],
        "request": ["There is some mould around the bedroom window frame.",
                    "Condensation on the windows every morning; asking for advice and a check."],
        "outcome": ["The cause of the damp found and fixed, and damaged belongings replaced.",
                    "A proper damp survey and the repairs it recommends.",
                    "Moving to a home without mould while the work is done."],
        "compliment": ["The damp and mould team explained the survey and kept every appointment."],
        "enquiry": ["Asking for a copy of the damp survey report for my home."],
    },
    "anti_social_behaviour": {
        "complaint": [
            "Reported noise from the flat upstairs several times and nobody has taken any action.",
            "My ASB case was closed without anyone telling me, and the harassment has started again.",
            "Nobody returned my calls about the drug dealing in the stairwell for three weeks.",
            "The neighbourhood officer promised to visit after the threats and never came.",
        ],
        "report": [
            "Loud music from the neighbour's flat most nights after midnight.",
            "Young people gathering in the stairwell, smoking and leaving rubbish.",
            "A neighbour's dog barks all day and has gone for my children.",
            "Neighbour shouted abuse at me over a parking space.",
        ],
        "outcome": ["Someone to deal with the neighbour and keep me informed.",
                    "A named officer and regular updates on the case.",
                    "An apology for how my reports were handled."],
        "request": ["Reporting graffiti on the bin store wall."],
        "compliment": ["The neighbourhood officer sorted out the noise problem quickly and kindly."],
        "enquiry": ["Asking for an update on the noise case I reported last month."],
    },
    "rent_and_charges": {
        "complaint": [
            "Charged for a repair that was the landlord's responsibility, and the invoice went to a debt letter.",
            "My rent account shows payments missing after the system change; I was sent an arrears letter.",
            "The rent increase letter had the wrong figure and nobody has corrected it.",
            "A direct debit was taken twice and the refund has taken six weeks.",
        ],
        "request": ["Asking for a rent statement for the last year.", "Need to change the date of my direct debit."],
        "outcome": ["The account corrected and the arrears letter withdrawn.", "A refund and an apology."],
        "compliment": ["The income officer set up a payment plan that I can manage, thank you."],
        "enquiry": ["Asking how the rent increase for next April was worked out."],
    },
    "service_charges": {
        "complaint": [
            "The service charge includes window cleaning that has not been done since March.",
            "Service charge went up by a third with no breakdown of the costs.",
            "Charged for communal cleaning when the stairs have not been cleaned for months.",
            "Asked three times for the service charge accounts and have had no reply.",
        ],
        "request": ["Asking for the breakdown of this year's service charge.",
                    "The communal light on the second floor is out."],
        "outcome": ["A refund of the charges for work not done.", "The accounts, and an explanation of the increase."],
        "compliment": ["Thank you for the clear service charge statement this year."],
        "enquiry": ["Asking when the service charge accounts will be published."],
    },
    "estate_services": {
        "complaint": [
            "Grass cutting on the estate has been missed all summer though we pay for it.",
            "Fly-tipped mattresses by the bin store were reported a month ago and are still there.",
            "Communal hallway has not been cleaned for weeks and smells.",
            "The play area has been taped off for three months with no sign of a repair.",
        ],
        "request": ["Fly-tipping next to the bin store needs clearing.", "A communal door closer is broken."],
        "outcome": ["The service we pay for, and a refund of what was missed.", "A date for the work."],
        "compliment": ["The caretaker keeps our block spotless; please pass on our thanks.",
                       "The grounds team did a lovely job of the communal garden."],
        "enquiry": ["Asking when the estate inspection for our area will take place."],
    },
    "staff_conduct": {
        "complaint": [
            "A housing officer was rude on the phone and hung up on me.",
            "A repairs operative swore at me in my own home.",
            "A neighbourhood manager did not turn up for an agreed visit, and did not call.",
            "Says a member of staff shared my personal details with a neighbour.",
        ],
        "outcome": ["An apology from the member of staff.", "The matter investigated and action taken."],
        "compliment": ["The housing officer who helped with my move was patient and kind.",
                       "Please thank the customer services adviser who sorted out my problem in one call."],
        "enquiry": ["Asking who my new housing officer is."],
    },
    "communication": {
        "complaint": [
            "Emails to the complaints team have gone unanswered for a month.",
            "Was promised a call back four times and nobody called.",
            "Letters keep going to my old address although I told you I moved.",
            "Asked for letters in large print and still get them in standard print.",
        ],
        "request": ["Please update my phone number on your records."],
        "outcome": ["A named person to contact and replies within the promised time.",
                    "My records corrected and letters in the format I need."],
        "compliment": ["The customer services team called back exactly when they said they would."],
        "enquiry": ["Asking for a copy of the information you hold about me."],
    },
    "lettings": {
        "complaint": [
            "The flat I was offered was not ready on the tenancy start date and I paid double rent for two weeks.",
            "The home I moved into had no working cooker and a broken toilet on the first day.",
            "My housing application has been 'under review' for four months with no news.",
        ],
        "request": ["Asking how to join the housing register."],
        "outcome": ["The double rent refunded.", "A decision on my application."],
        "compliment": ["The lettings officer made our move easy and the flat was spotless."],
        "enquiry": ["Asking how long it will take for my family to be rehoused from the waiting list.",
                    "Asking where my transfer application is in the queue.",
                    "Asking for the progress of my application for an adapted home."],
    },
    "tenancy_management": {
        "complaint": [
            "The notice about the state of my garden was sent without anyone visiting first.",
            "My request for a mutual exchange has had no decision after ten weeks.",
            "The tenancy officer handled the warning about my shed badly and would not listen.",
        ],
        "request": ["Asking for permission to keep a dog.", "Asking to add my partner to the tenancy."],
        "outcome": ["The notice withdrawn.", "A decision, and an explanation."],
        "compliment": ["The tenancy sustainment officer helped me keep my home, thank you."],
        "enquiry": ["Asking for progress on my succession application."],
    },
}


# --- the five landlords ---------------------------------------------------------------------------

def winchester():
    # Winchester Housing Trust prefers written complaints (email, post, hand delivered) and takes
    # them by phone; every complaint is recorded with the complainant's contact details.
    w = Landlord("winchester", 2017, ["compliment"],
                 [("email", 45), ("letter", 20), ("phone", 20), ("in_person", 10), ("web", 5)])
    categories = [("repairs", 14), ("heating_and_hot_water", 6), ("damp_and_mould", 7), ("anti_social_behaviour", 4),
                  ("service_charges", 5), ("estate_services", 5), ("communication", 3), ("staff_conduct", 2)]
    for category, n in categories:
        for _ in range(n):
            w.contact(("complaint", "open"), category)
    # "anyone who has been directly or adversely affected by us": home owners and the public
    for category in ["estate_services", "anti_social_behaviour", "estate_services"]:
        w.contact(("complaint", "open"), category, role="member_of_public")
    for category in ["service_charges", "repairs"]:
        w.contact(("complaint", "open"), category, role="leaseholder")
    # no time limit in the policy: issues from long ago are complaints
    w.contact(("complaint", "open"), "damp_and_mould", event=(420, 700))
    w.contact(("complaint", "open"), "service_charges", event=(380, 500), role="leaseholder")
    # the week before Christmas and the days after it
    for day in [21, 22, 23, 24, 29, 30, 31]:
        w.contact(("complaint", "open"), w.rng.choice(["heating_and_hot_water", "repairs"]), channel="email",
                  received=datetime.date(2026, 12, day))
    # "exceeded their expectations": compliments
    for category in ["repairs", "estate_services", "staff_conduct", "heating_and_hot_water", "lettings",
                     "estate_services", "communication", "damp_and_mould"]:
        w.contact(("compliment", "open"), category, kind="compliment", compliment=True, event=None)
    return w


def southern_charity():
    s = Landlord("southern-charity", 2022,
                 ["service_request", "dissatisfied", "asked_for_complaint", "previously_reviewed", "anonymous",
                  "confidential", "safeguarding"],
                 [("email", 35), ("phone", 30), ("web", 15), ("letter", 12), ("in_person", 8)])
    categories = [("repairs", 9), ("heating_and_hot_water", 4), ("damp_and_mould", 5), ("service_charges", 5),
                  ("estate_services", 4), ("communication", 3), ("rent_and_charges", 2)]
    for category, n in categories:
        for i in range(n):
            s.contact(("complaint", "open"), category, dissatisfied=i % 3 != 2, asked_for_complaint=i % 3 == 2)
    # "An expression of dissatisfaction, however made": no flag needed
    for category in ["repairs", "estate_services", "communication", "staff_conduct", "service_charges"]:
        s.contact(("complaint", "open"), category)
    # first reports sorted out there and then, and one that did not end there
    for category in ["repairs"] * 7 + ["heating_and_hot_water"] * 3 + ["estate_services"] * 3 + ["service_charges"] * 2:
        s.contact(("service_request", "open"), category, kind="request", service_request=True, event=(0, 3))
    for category in ["repairs", "heating_and_hot_water", "estate_services"]:
        s.contact(("complaint", "open"), category, kind="complaint", service_request=True, dissatisfied=True)
    # anonymous: no identity at all (a web form, a letter, a call that gives no name)
    for category, channel in [("anti_social_behaviour", "web"), ("estate_services", "letter"), ("staff_conduct", "phone"),
                              ("anti_social_behaviour", "web"), ("service_charges", "letter"), ("repairs", "web")]:
        s.contact(("complaint", "open"), category, channel=channel, anonymous=True,
                  who={"complainant": "", "complainant_email": "", "complainant_phone": "", "complainant_role": ""})
    # in confidence: the name is recorded, known to the receiver and the Resolution team only
    for category in ["staff_conduct", "anti_social_behaviour", "communication"]:
        s.contact(("complaint", "open"), category, confidential=True, dissatisfied=True)
    # safeguarding: a complaint, handled under the safeguarding policy too
    for category in ["damp_and_mould", "anti_social_behaviour", "heating_and_hot_water"]:
        s.contact(("complaint", "open"), category, safeguarding=True, dissatisfied=True)
    # the same complaint again, after a resolution and a review
    for category in ["service_charges", "estate_services", "repairs"]:
        s.contact(("complaint", "excluded"), category, previously_reviewed=True, event=(120, 240))
    # one leaseholder's frequent contact, across channels: the casework restricts them to email
    # ("ask them to only contact us using a channel of our choice")
    frequent = s.new_person("leaseholder", "Graham", "Sampleford")
    frequent["fixed"] = True
    who = {k: v for k, v in frequent.items() if k != "fixed"}
    for month, day, channel, category in [(9, 7, "phone", "service_charges"), (9, 28, "email", "service_charges"),
                                          (10, 19, "phone", "estate_services"), (11, 2, "in_person", "service_charges"),
                                          (11, 23, "phone", "communication"), (12, 14, "email", "service_charges")]:
        s.contact(("complaint", "open"), category, channel=channel, received=s.received(channel, month, day),
                  who=who, dissatisfied=True)
    # Christmas: a web complaint on Christmas Day and the week after
    for day in [24, 25, 29, 30]:
        s.contact(("complaint", "open"), "heating_and_hot_water", channel="web",
                  received=datetime.date(2026, 12, day), dissatisfied=True, event=(0, 4))
    return s


def wdh():
    d = Landlord("wdh", 2022,
                 ["representative", "consent", "dissatisfied", "needs_investigation", "asked_for_complaint", "anonymous",
                  "legal_proceedings", "court_matter", "asb", "about_handling", "insurance_claim", "other_route",
                  "vexatious", "new_build_completed", "repairs_completed", "tenancy_breach_action",
                  "previously_considered", "staff_conduct"],
                 [("phone", 35), ("email", 25), ("web", 20), ("letter", 8), ("in_person", 5), ("social_media", 4),
                  ("text", 3)])
    # service recovery: first reports, the team contacts the customer within 3 working days
    for category in ["repairs"] * 10 + ["heating_and_hot_water"] * 5 + ["damp_and_mould"] * 3 + \
                    ["estate_services"] * 3 + ["rent_and_charges"] * 2:
        d.contact(("service_request", "open"), category, kind="request", event=(0, 5))
    # stage 1: unhappy with the service recovery, further investigation needed, or asked for
    stage1 = [("repairs", 8), ("heating_and_hot_water", 5), ("damp_and_mould", 6), ("rent_and_charges", 3),
              ("estate_services", 3), ("communication", 4), ("lettings", 2), ("tenancy_management", 1)]
    i = 0
    for category, n in stage1:
        for _ in range(n):
            why = ["dissatisfied", "needs_investigation", "asked_for_complaint"][i % 3]
            d.contact(("complaint", "open"), category, **{why: True})
            i += 1
    # accepted: how an ASB report, a new-build repair and tenancy enforcement were managed
    for _ in range(2):
        d.contact(("complaint", "open"), "anti_social_behaviour", asb=True, about_handling=True, asked_for_complaint=True)
    completed = datetime.date(2026, 4, 20)
    d.contact(("complaint", "open"), "repairs", new_build_completed=completed, about_handling=True,
              repairs_completed=True, asked_for_complaint=True)
    d.contact(("complaint", "open"), "tenancy_management", tenancy_breach_action=True, about_handling=True,
              asked_for_complaint=True)
    # a third party, with the customer's consent
    d.contact(("complaint", "open"), "damp_and_mould", representative="Kiran Testwell (daughter)", consent=True,
              asked_for_complaint=True)
    # the exclusions, each as the procedure lists them
    for _ in range(4):
        d.contact(("complaint", "excluded"), "anti_social_behaviour", kind="report", asb=True, event=(0, 10))
    for summary in ["The contractor's ladder scratched my car on the drive and I want the repair paid for.",
                    "Tripped on the broken paving by the bin store and hurt my wrist; claiming for the injury.",
                    "The leak from the flat above ruined my sofa and carpet; I want them replaced."]:
        who = d.person("tenant")
        received = d.received("email")
        d.add(("complaint", "excluded"), received=received, channel="email", category="repairs", summary=summary,
              desired_outcome="Compensation for the damage.", event_date=d.days_before(received, 3, 30),
              insurance_claim=True, **who)
    for months in [3, 5, 8]:   # new-build homes completed 3, 5 and 8 months before the complaint
        channel = d.channel()
        received = d.received(channel, month=d.rng.choice([9, 10, 11]))
        d.contact(("complaint", "excluded"), "repairs", channel=channel, received=received,
                  new_build_completed=add_months(received, -months), asked_for_complaint=True)
    d.contact(("complaint", "excluded"), "damp_and_mould", channel="letter", legal_proceedings=True,
              asked_for_complaint=True, event=(20, 90))
    d.contact(("complaint", "excluded"), "repairs", channel="email", legal_proceedings=True, event=(30, 120))
    d.contact(("complaint", "excluded"), "rent_and_charges", channel="letter", court_matter=True, event=(10, 60))
    d.contact(("complaint", "excluded"), "communication", channel="email",
              other_route="the Information Commissioner's Office", dissatisfied=True)
    d.contact(("complaint", "excluded"), "lettings", channel="web", other_route="a Homesearch review", dissatisfied=True)
    d.contact(("complaint", "excluded"), "communication", channel="email", vexatious=True, asked_for_complaint=True)
    for _ in range(2):
        d.contact(("complaint", "excluded"), "tenancy_management", tenancy_breach_action=True, asked_for_complaint=True)
    for _ in range(2):
        d.contact(("complaint", "excluded"), d.rng.choice(["repairs", "damp_and_mould"]), previously_considered=True,
                  event=(90, 170))
    for _ in range(3):
        d.contact(("complaint", "excluded"), "staff_conduct", staff_conduct=True, asked_for_complaint=True)
    d.contact(("complaint", "excluded"), "repairs", representative="Neighbour at number 14", asked_for_complaint=True)
    # made six months or more after the problem: excluded ...
    for low, high in [(186, 200), (190, 260), (200, 300), (240, 330), (185, 190)]:
        d.contact(("complaint", "excluded"), d.rng.choice(["repairs", "damp_and_mould", "rent_and_charges"]),
                  event=(low, high), dissatisfied=True)
    # ... while a few come in only weeks inside the bar (the analyst's near-the-bar list)
    for weeks in [1, 2, 3, 4]:
        channel = d.channel()
        received = d.received(channel, month=d.rng.choice([10, 11, 12]))
        event = add_months(received, -6) + datetime.timedelta(days=7 * weeks - 3)
        d.contact(("complaint", "open"), d.rng.choice(["repairs", "damp_and_mould"]), channel=channel,
                  received=received, event_date=event, asked_for_complaint=True)
    # an older problem the customer became aware of inside six months
    received = d.received("email", month=11)
    d.contact(("complaint", "open"), "damp_and_mould", channel="email", received=received,
              event_date=add_months(received, -14), aware_date=add_months(received, -2), needs_investigation=True)
    # through an MP or councillor, and anonymous reports: outside the procedure (enquiries)
    for rep in ["Office of Sam Fixtureby MP", "Cllr Jo Demowood", "Cllr Ravi Protoley"]:
        d.contact(("enquiry", "open"), d.rng.choice(["repairs", "lettings", "damp_and_mould"]), kind="enquiry",
                  channel="mp_or_councillor", representative=rep, event=None)
    for category in ["anti_social_behaviour", "estate_services"]:
        d.contact(("enquiry", "open"), category, channel="web", anonymous=True,
                  who={"complainant": "", "complainant_email": "", "complainant_phone": "", "complainant_role": ""})
    # one tenant who rings several teams every day: the casework warns, then restricts to email
    frequent = d.new_person("tenant", "Trevor", "Demowood")
    frequent["fixed"] = True
    who = {k: v for k, v in frequent.items() if k != "fixed"}
    for month, day, channel, category in [(10, 5, "phone", "repairs"), (10, 26, "phone", "communication"),
                                          (11, 16, "email", "repairs"), (12, 7, "phone", "heating_and_hot_water")]:
        d.contact(("complaint", "open"), category, channel=channel, received=d.received(channel, month, day),
                  who=who, dissatisfied=True)
    # Christmas week: service recovery calls on the 24th and the days between the holidays
    for day in [23, 24, 29, 30, 31]:
        d.contact(("service_request", "open"), "heating_and_hot_water", kind="request", channel="phone",
                  received=datetime.date(2026, 12, day), event=(0, 2))
    d.contact(("complaint", "open"), "heating_and_hot_water", channel="web", received=datetime.date(2026, 12, 26),
              dissatisfied=True, event=(2, 6))
    return d


def willow_tree():
    t = Landlord("willow-tree", 2024,
                 ["representative", "service_request", "dissatisfied", "declined_complaint", "asked_for_complaint",
                  "survey", "compliment", "legal_proceedings", "previously_considered"],
                 [("email", 35), ("phone", 30), ("web", 15), ("letter", 10), ("social_media", 10)])
    categories = [("repairs", 8), ("heating_and_hot_water", 4), ("damp_and_mould", 6), ("anti_social_behaviour", 3),
                  ("rent_and_charges", 2), ("estate_services", 3), ("communication", 2), ("staff_conduct", 2)]
    for category, n in categories:
        for i in range(n):
            # "Whenever a resident expresses dissatisfaction but does not use the word 'complaint'
            # they will be given the choice": most take it
            t.contact(("complaint", "open"), category, asked_for_complaint=i % 2 == 0, dissatisfied=i % 2 == 1)
    for category in ["repairs", "estate_services", "communication", "repairs"]:
        t.contact(("service_request", "open"), category, dissatisfied=True, declined_complaint=True)
    for category in ["repairs", "estate_services", "communication", "repairs"]:
        t.contact(("service_request", "open"), category, channel="web", survey=True, dissatisfied=True, event=None)
    t.contact(("complaint", "open"), "repairs", channel="web", survey=True, dissatisfied=True, asked_for_complaint=True)
    for category in ["repairs"] * 6 + ["heating_and_hot_water"] * 3 + ["estate_services"] * 3:
        t.contact(("service_request", "open"), category, kind="request", service_request=True, event=(0, 3))
    for category in ["repairs", "estate_services", "staff_conduct", "lettings", "heating_and_hot_water", "estate_services"]:
        t.contact(("compliment", "open"), category, kind="compliment", compliment=True, event=None)
    # the Code's exclusions (2.2, 2.3), with the Ombudsman's details
    for low, high in [(380, 420), (400, 600), (370, 380), (500, 700)]:
        t.contact(("complaint", "excluded"), t.rng.choice(["repairs", "damp_and_mould", "service_charges"]),
                  event=(low, high), asked_for_complaint=True)
    for _ in range(2):
        t.contact(("complaint", "excluded"), "damp_and_mould", channel="letter", legal_proceedings=True,
                  asked_for_complaint=True)
    for _ in range(2):
        t.contact(("complaint", "excluded"), "repairs", previously_considered=True, asked_for_complaint=True,
                  event=(100, 200))
    # just inside the Code's 12 months
    for weeks in [2, 5]:
        channel = t.channel()
        received = t.received(channel, month=t.rng.choice([10, 11, 12]))
        t.contact(("complaint", "open"), "damp_and_mould", channel=channel, received=received,
                  event_date=add_months(received, -12) + datetime.timedelta(days=7 * weeks), asked_for_complaint=True)
    # a nominated representative
    t.contact(("complaint", "open"), "heating_and_hot_water", representative="Leah Mockfield (advocate)",
              asked_for_complaint=True)
    t.contact(("complaint", "open"), "damp_and_mould", representative="Owen Testham (son)", dissatisfied=True)
    for day in [21, 22, 23, 24, 29, 30]:
        t.contact(("complaint", "open"), t.rng.choice(["heating_and_hot_water", "repairs"]), channel="email",
                  received=datetime.date(2026, 12, day), asked_for_complaint=True, event=(0, 10))
    return t


def halton():
    h = Landlord("halton", 2011,
                 ["via", "dissatisfied", "enquiry", "service_request", "compliment", "contacted_before",
                  "appeal_of_other_policy", "behaviour_exclusion"],
                 [("phone", 30), ("letter", 20), ("email", 25), ("in_person", 15), ("web", 10)])
    categories = [("repairs", 7), ("heating_and_hot_water", 4), ("damp_and_mould", 5), ("anti_social_behaviour", 3),
                  ("rent_and_charges", 2), ("estate_services", 3), ("communication", 2), ("lettings", 2)]
    for category, n in categories:
        for _ in range(n):
            h.contact(("complaint", "open"), category, dissatisfied=True)
    # formal enquiries via MPs, councillors, board members and advocates: 10 working days
    for via, category in [("mp", "lettings"), ("mp", "lettings"), ("mp", "damp_and_mould"), ("mp", "repairs"),
                          ("mp", "lettings"), ("councillor", "anti_social_behaviour"), ("councillor", "lettings"),
                          ("councillor", "estate_services"), ("councillor", "repairs")]:
        h.contact(("enquiry", "open"), category, kind="enquiry", channel="mp_or_councillor", via=via, event=None)
    for via, channel, category in [("advocate", "email", "lettings"), ("advocate", "letter", "tenancy_management"),
                                   ("advocate", "email", "damp_and_mould"), ("board_member", "email", "estate_services")]:
        h.contact(("enquiry", "open"), category, kind="enquiry", channel=channel, via=via, event=None)
    # a complaint that comes the same way is still a complaint
    for via in ["councillor", "mp"]:
        h.contact(("complaint", "open"), "repairs", channel="mp_or_councillor", via=via, dissatisfied=True)
    # general enquiries: a first request for service, forwarded to the service area
    for category in ["repairs"] * 5 + ["estate_services"] * 2 + ["heating_and_hot_water"] * 2:
        h.contact(("service_request", "open"), category, kind="request", service_request=True, event=(0, 3))
    for category in ["rent_and_charges", "tenancy_management"]:
        h.contact(("service_request", "open"), category, kind="request", enquiry=True, event=None)
    # compliments: relayed in 3 working days, filed in 5
    for category in ["repairs", "estate_services", "staff_conduct", "heating_and_hot_water", "lettings",
                     "estate_services", "communication", "anti_social_behaviour", "staff_conduct", "damp_and_mould"]:
        h.contact(("compliment", "open"), category, kind="compliment", compliment=True, event=None)
    # time-barred: known for more than 12 months with no contact made with the Trust
    for low, high in [(380, 450), (400, 600), (370, 375), (500, 800), (367, 369)]:
        h.contact(("complaint", "excluded"), h.rng.choice(["repairs", "damp_and_mould", "rent_and_charges"]),
                  event=(low, high), dissatisfied=True)
    # old issues, but the customer did contact the Trust, or learned of it within the year
    for low, high in [(400, 500), (380, 420)]:
        h.contact(("complaint", "open"), "damp_and_mould", event=(low, high), dissatisfied=True, contacted_before=True)
    received = h.received("letter", month=10)
    h.contact(("complaint", "open"), "service_charges", channel="letter", received=received,
              event_date=add_months(received, -20), aware_date=add_months(received, -3), dissatisfied=True)
    # weeks inside the 12 months: the analyst's near-the-bar list
    for weeks in [1, 3, 6]:
        channel = h.channel()
        received = h.received(channel, month=h.rng.choice([10, 11, 12]))
        h.contact(("complaint", "open"), h.rng.choice(["repairs", "damp_and_mould"]), channel=channel,
                  received=received, event_date=add_months(received, -12) + datetime.timedelta(days=7 * weeks - 2),
                  dissatisfied=True)
    # not the complaints policy: appeals against action under other policies, and an exclusion
    # decided with an Executive Director for behaviour contrary to the Customer Code of Conduct
    for category in ["tenancy_management", "lettings"]:
        h.contact(("complaint", "excluded"), category, channel="letter", dissatisfied=True, appeal_of_other_policy=True)
    h.contact(("complaint", "excluded"), "communication", channel="email", dissatisfied=True, behaviour_exclusion=True)
    for day in [21, 22, 23, 24, 29, 30, 31]:
        h.contact(("complaint", "open"), h.rng.choice(["heating_and_hot_water", "repairs", "damp_and_mould"]),
                  channel=h.rng.choice(["email", "phone"]), received=datetime.date(2026, 12, day), dissatisfied=True,
                  event=(0, 10))
    return h


LANDLORDS = [winchester, southern_charity, wdh, willow_tree, halton]


def main(argv):
    check = "--check" in argv[1:]
    stale = []
    for make in LANDLORDS:
        landlord = make()
        path = OUT / f"{landlord.pack}.csv"
        text = landlord.text()
        counts = ", ".join(f"{kind} {status} {n}" for (kind, status), n in sorted(landlord.intended.items()))
        if check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(str(path.relative_to(HERE.parent)))
        else:
            OUT.mkdir(exist_ok=True)
            path.write_text(text, encoding="utf-8")
            print(f"{path.relative_to(HERE.parent)}: {len(landlord.rows)} rows ({counts})")
    if stale:
        print("out of date (run python3 Samples/make-intake.py): " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
