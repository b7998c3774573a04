"""Regenerates the calendar test fixtures from published sources (run by hand, output committed).

    pip install govuk-bank-holidays==0.19 holidays==0.109 numpy
    python3 Tests/RedressCalendarTests/Fixtures/make-fixtures.py

- govuk-bank-holidays.json: GOV.UK's bank-holidays.json (2012-2028, three divisions) exactly as
  shipped in the PyPI package govuk-bank-holidays 0.19. Known stale: it lacks Scotland's
  2026-06-15 (proclaimed February 2026); the tests add that one date, and say so.
- holidays-1995-2100.json: weekday bank holidays per division from the PyPI `holidays` package
  0.109 (an independent rules engine), with its one known error removed: Scotland 2006-11-30
  (the St Andrew's Day Act commenced 16 January 2007).
- busday-offset.txt: numpy.busday_offset(date, n, roll='forward') (roll='backward' for n < 0)
  with GOV.UK's holidays (plus Scotland 2026-06-15), over random pairs inside GOV.UK's years.
"""
import json, os, random, shutil
import govuk_bank_holidays, holidays, numpy as np

here = os.path.dirname(os.path.abspath(__file__))
regions = {"england-and-wales": "ENG", "scotland": "SCT", "northern-ireland": "NIR"}

govuk_path = os.path.join(os.path.dirname(govuk_bank_holidays.__file__), "bank-holidays.json")
shutil.copyfile(govuk_path, os.path.join(here, "govuk-bank-holidays.json"))
govuk = json.load(open(govuk_path))

out = {}
for region, subdiv in regions.items():
    days = holidays.UnitedKingdom(subdiv=subdiv, years=range(1995, 2101))
    dates = sorted(d.isoformat() for d in days if d.weekday() < 5)
    if region == "scotland":
        dates.remove("2006-11-30")
    out[region] = dates
with open(os.path.join(here, "holidays-1995-2100.json"), "w") as f:
    json.dump(out, f, indent=0)
    f.write("\n")

rng = random.Random(20261123)
lines = ["# region date n expected  (numpy.busday_offset with GOV.UK holidays)"]
for region in regions:
    dates = [e["date"] for e in govuk[region]["events"]]
    if region == "scotland":
        dates.append("2026-06-15")
    cal = np.busdaycalendar(holidays=np.array(sorted(dates), dtype="datetime64[D]"))
    start, span = np.datetime64("2012-03-01"), (np.datetime64("2028-10-31") - np.datetime64("2012-03-01")).astype(int)
    for _ in range(3000):
        d = start + rng.randrange(span)
        n = rng.randint(-40, 40)
        r = np.busday_offset(d, n, roll="forward" if n >= 0 else "backward", busdaycal=cal)
        lines.append(f"{region} {d} {n} {r}")
with open(os.path.join(here, "busday-offset.txt"), "w") as f:
    f.write("\n".join(lines) + "\n")
print("fixtures written")
