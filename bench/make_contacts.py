#!/usr/bin/env python3
"""Writes N journal contacts as the CSV `civic journal export` writes, for
the journal benchmark: officials, bills, channels and outcomes spread the
way an active organizer's journal would be, dates over the past two years,
some follow-ups due."""
import csv
import random
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
rng = random.Random(42)
officials = [f"B{i:06d}" for i in range(540)]
bills = [f"hr{n}-119" for n in (1144, 1185, 1503, 1724, 2796, 4307, 7757)] + ["s1829-119", "s1748-119", "s539-119", ""]
channels = ["letter", "email", "form", "call", "visit", "fax"]
outcomes = ["drafted", "sent", "sent", "sent", "replied", "voicemail", "reached", "no-answer"]
out = csv.writer(sys.stdout, lineterminator="\n")
out.writerow(["uid", "at", "official_id", "official_name", "official_title", "official_state", "channel", "bill",
              "stance", "outcome", "notes", "follow_up"])
for i in range(n):
    day = rng.randrange(0, 730)
    year, rest = (2025, day) if day < 365 else (2026, day - 365)
    month, dom = 1 + rest // 31 % 12, 1 + rest % 28
    official = rng.choice(officials)
    follow_up = f"2026-{1 + rng.randrange(12):02d}-{1 + rng.randrange(28):02d}" if rng.random() < 0.05 else ""
    out.writerow([f"bench-{i:08d}", f"{year}-{month:02d}-{dom:02d}T{rng.randrange(24):02d}:00:00Z", official,
                  f"Official {official}", "U.S. Representative", "WA", rng.choice(channels), rng.choice(bills),
                  rng.choice(["support", "oppose", "thanks", "follow-up"]), rng.choice(outcomes), "", follow_up])
