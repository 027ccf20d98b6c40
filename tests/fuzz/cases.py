"""Fuzz cases: the shipped records, rule files and feature files, mutated the way an
attacker or a clumsy user would (flipped and cut bytes, YAML traps, aliases, deep nesting,
huge numbers, foreign encodings, control characters, includes of system files).

A case is plain data (files to write, the command to run, the ids that must come out), so
it can be sent to a child process and replayed from its kind, seed and number alone.
"""

from __future__ import annotations

import base64
import json
import random
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from screening.documents import plain, read_document

ROOT = Path(__file__).resolve().parents[2]
KINDS = ("record", "jsonl", "rule", "feature")

# snippets that broke something once, or nearly
HOSTILE: tuple[bytes, ...] = (
    b"&a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
    b"c: [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n",
    b"x: &x [*x]\n", b"!!int 'abc'", b"!!float x", b"!!binary x", b"!!python/object:os.system",
    b"9" * 5000, b"1e999", b"-0", b"[" * 400, b"{a: " * 120, b"\xff\xfe", b"\xc3(",
    b"\xef\xbb\xbf", b"\x1b[2J\x1b[H", b"\x00", b"\t", b": :", b"- - -", b"'", b'"',
    b"\xe2\x80\x8b", b"include: [/etc/passwd]\n", b"include: [/dev/zero]\n",
    b"include: [../../../etc/hostname]\n", b"weight: true", b'weight: "3"', b"? [a]\n",
    b"<<: *a\n", b"---\n---\n", b"%YAML 1.1\n", b"\r\n", b"\\u0000", b"\xf0\x9f\x98\x80" * 50,
)


@dataclass
class Case:
    kind: str
    number: int
    files: dict[str, bytes]  # relative path -> content, written into a fresh folder
    args: list[str]  # the command line; {dir} is that folder
    expect_ids: list[str] = field(default_factory=list)  # valid records that must come out
    mutation: str = ""

    def to_json(self) -> str:
        return json.dumps({"kind": self.kind, "number": self.number, "args": self.args,
                           "expect_ids": self.expect_ids, "mutation": self.mutation,
                           "files": {name: base64.b64encode(content).decode()
                                     for name, content in self.files.items()}})


def mutate(data: bytes, rng: random.Random, times: int | None = None) -> tuple[bytes, str]:
    """`data` changed a few times; returns it and a description of what was done."""
    done = []
    for _ in range(times or rng.randint(1, 3)):
        at = rng.randrange(len(data) + 1)
        choice = rng.randrange(7)
        if choice == 0 and data:
            data = data[:at] + bytes([rng.randrange(256)]) + data[at + 1:]
            done.append(f"byte@{at}")
        elif choice == 1:
            end = min(len(data), at + rng.randint(1, 40))
            data = data[:at] + data[end:]
            done.append(f"cut@{at}:{end}")
        elif choice == 2:
            end = min(len(data), at + rng.randint(1, 200))
            data = data[:end] + data[at:end] * rng.randint(1, 20) + data[end:]
            done.append(f"repeat@{at}:{end}")
        elif choice == 3:
            data = data[:rng.randrange(len(data) + 1)]
            done.append("truncate")
        else:  # a hostile snippet at a line start or anywhere
            snippet = rng.choice(HOSTILE)
            if rng.random() < 0.6:
                at = data.rfind(b"\n", 0, at) + 1
            data = data[:at] + snippet + data[at:]
            done.append(f"insert@{at}:{snippet[:12]!r}")
    return data, " ".join(done)


@cache
def _records() -> list[Path]:
    return sorted((ROOT / "examples" / "candidates").rglob("*.yaml"))


@cache
def _profiles() -> list[Path]:
    return sorted((ROOT / "rules").glob("*.yaml"))


@cache
def _features() -> list[Path]:
    return sorted((ROOT / "features").glob("*.feature"))


@cache
def _record_lines() -> list[dict]:
    """Every example record as plain data, for JSON Lines."""
    out = []
    for path in _records():
        doc, problem = read_document(path)
        if problem is None:
            out.append(plain(doc.data))
    return out


def _candidates_of(profile: Path) -> Path:
    return ROOT / "examples" / "candidates" / profile.stem


def make(kind: str, number: int, seed: int = 0) -> Case:
    rng = random.Random(f"{kind}:{seed}:{number}")
    helsingor = str(ROOT / "rules" / "helsingor-direktor-2024.yaml")
    if kind == "record":
        source = rng.choice(_records())
        content, how = mutate(source.read_bytes(), rng)
        good = (ROOT / "examples" / "candidates" / "helsingor-direktor-2024" /
                "k01-mette-kjaer.yaml").read_bytes().replace(b"id: k01-mette-kjaer",
                                                             b"id: fuzz-gyldig")
        name = "k.json" if rng.random() < 0.3 else "k.yaml"
        if name == "k.json":
            doc, _ = read_document(source)
            content, how = mutate(json.dumps(plain(doc.data), ensure_ascii=False).encode(),
                                  rng)
        return Case(kind, number, {"a-gyldig.yaml": good, name: content},
                    ["screen", helsingor, "{dir}", "--format", "json", "--no-audit",
                     "--workers", "1"], ["fuzz-gyldig"], f"{source.name}: {how}")
    if kind == "jsonl":
        lines, expect, hows = [], [], []
        for n in range(rng.randint(5, 30)):
            record = dict(rng.choice(_record_lines()))
            if rng.random() < 0.3:
                record["id"] = f"fuzz-mut-{n}"
                text, how = mutate(json.dumps(record, ensure_ascii=False).encode(), rng, 1)
                hows.append(f"line {n + 1}: {how}")
            else:
                record["id"] = f"fuzz-ok-{n}"
                text = json.dumps(record, ensure_ascii=False).encode()
                expect.append(record["id"])
            lines.append(text.replace(b"\n", b" "))
        if rng.random() < 0.2:
            lines[0] = b"\xef\xbb\xbf" + lines[0]
            hows.append("bom")
        return Case(kind, number, {"pulje.jsonl": b"\n".join(lines) + b"\n"},
                    ["screen", helsingor, "{dir}/pulje.jsonl", "--format", "jsonl",
                     "--no-audit", "--workers", "1"], expect, "; ".join(hows))
    if kind == "rule":
        profile = rng.choice(_profiles())
        files = {f"rules/{p.relative_to(ROOT / 'rules')}": p.read_bytes()
                 for p in (ROOT / "rules").rglob("*.yaml")}
        target = rng.choice([f"rules/{profile.name}"] * 3 + [n for n in files if "/modules/"
                                                             in n])
        files[target], how = mutate(files[target], rng)
        return Case(kind, number, files,
                    ["screen", f"{{dir}}/rules/{profile.name}", str(_candidates_of(profile)),
                     "--format", "json", "--no-audit", "--workers", "1"], [],
                    f"{target}: {how}")
    if kind == "feature":
        feature = rng.choice(_features())
        content, how = mutate(feature.read_bytes(), rng)
        check = rng.random() < 0.99  # a full run starts pytest in a child: few of those
        return Case(kind, number, {feature.name: content},
                    ["test", *(["--check"] if check else []), f"{{dir}}/{feature.name}",
                     "--rules-dir", str(ROOT / "rules")], [],
                    f"{feature.name}{'' if check else ' (run)'}: {how}")
    raise ValueError(f"unknown kind {kind}")
