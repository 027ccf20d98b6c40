"""Seeded, realistic synthetic candidates for a profile, as JSON Lines.

Careers mix municipal, regional, state and private positions with plausible levels, spans
of control, budgets and domains; assessments use the profile's own competencies from the
sources its criteria allow. The same seed gives the same file.

    python benchmarks/generate.py rules/helsingor-direktor-2024.yaml 100000 > pool.jsonl
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import sys
from collections.abc import Iterator

from screening.profiles import Profile
from screening.records import DOMAINS, EXPERIENCE_KINDS, EXPERIENCE_ROLES, SOURCES
from screening.rulefiles import load_profile

SECTORS = ["kommune"] * 5 + ["region"] * 2 + ["stat"] * 2 + ["privat"] * 3 + ["selvejende"]
TITLES = {"direktion": ["Direktør", "Børne- og ungedirektør", "Kommunaldirektør", "CEO"],
          "chef": ["Skolechef", "Centerchef", "Afdelingschef", "Head of Operations"],
          "mellemleder": ["Skoleleder", "Dagtilbudsleder", "Sektionsleder", "Teamleder"],
          "førstelinjeleder": ["Afdelingsleder", "Koordinator"],
          "ingen": ["Specialkonsulent", "Chefkonsulent", "Fuldmægtig"]}
LEVELS = list(TITLES)
AREAS = ["samfundsvidenskab", "jura", "økonomi", "pædagogik", "humaniora", "ledelse"]


def candidate(rnd: random.Random, n: int, competencies: list[str],
              sources: dict[str, list[str]]) -> dict:
    year = rnd.randint(1988, 2012)
    positions = []
    start = year
    for step in range(rnd.randint(1, 5)):
        level = LEVELS[min(len(LEVELS) - 1, max(0, 4 - step - rnd.randint(0, 2)))]
        start += rnd.randint(2, 6) if step else 0
        if start > 2023:
            break
        position = {"title": rnd.choice(TITLES[level]), "organisation": f"Organisation {n}",
                    "sector": rnd.choice(SECTORS), "start": f"{start}-{rnd.randint(1, 12):02d}-01",
                    "leadership_level": level}
        if rnd.random() < 0.9:
            position["leaders_led"] = 0 if level in ("ingen", "førstelinjeleder") else \
                rnd.randint(0, 15)
        if rnd.random() < 0.8:
            position["staff_led"] = rnd.randint(0, 3000)
            position["budget_mio_dkk"] = round(rnd.uniform(0, 2500), 1)
        if rnd.random() < 0.85:
            position["domains"] = rnd.sample(DOMAINS, rnd.randint(1, 4))
        positions.append(position)
    for earlier, later in itertools.pairwise(positions):
        earlier["end"] = later["start"]
    record: dict = {"id": f"k{n:07d}", "personal": {"name": f"Kandidat {n}"},
                    "positions": positions}
    if rnd.random() < 0.9:
        record["education"] = [{"degree": "Cand.scient.pol.", "level": "kandidat",
                                "area": rnd.choice(AREAS), "year": year - 1}]
        if rnd.random() < 0.5:
            record["education"].append({"degree": "Master of Public Administration",
                                        "level": "master", "leadership": True,
                                        "year": year + 8})
    if rnd.random() < 0.8:
        record["experience"] = [{"kind": rnd.choice(EXPERIENCE_KINDS),
                                 "role": rnd.choice(EXPERIENCE_ROLES),
                                 "years": rnd.randint(1, 12)} for _ in range(rnd.randint(0, 3))]
    stage = rnd.randint(0, len(SOURCES))  # how far this candidate got in the process
    record["assessments"] = [
        {"competency": competency, "source": source, "score": rnd.randint(1, 5),
         "assessor": "Konsulent"}
        for competency in competencies
        for source in sources.get(competency, SOURCES)
        if SOURCES.index(source) < stage and rnd.random() < 0.35
    ]
    return record


def candidates(profile: Profile, count: int, seed: int = 2024) -> Iterator[dict]:
    rnd = random.Random(seed)
    competencies = list(profile.competencies)
    sources: dict[str, list[str]] = {}
    for criterion in profile.criteria:
        for competency in competencies:
            if competency in repr(criterion.when) or competency in repr(criterion.partial):
                sources.setdefault(competency, list(criterion.sources))
    for n in range(count):
        yield candidate(rnd, n, competencies, sources)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("profile")
    parser.add_argument("count", type=int)
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args()
    profile = load_profile(args.profile)
    for record in candidates(profile, args.count, args.seed):
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
