"""The result types (screening/results.py): outcomes made when first read, what a result
says of itself, and the bands a score range falls in, over every shipped profile."""

from __future__ import annotations

import dataclasses
import inspect
import linecache
import pickle
import sys
import threading

import pytest

from screening.results import (
    CandidateResult,
    CriterionOutcome,
    D,
    Deferred,
    Evidence,
    O,
    Score,
    band_range,
)
from screening.rulefiles import load_profile
from screening.screen import screen

from .conftest import EXAMPLES, ROOT

PROFILES = sorted((ROOT / "rules").glob("*.yaml"))


class Maker:
    """Counts how often the deferred tuple is made."""

    def __init__(self, items: tuple) -> None:
        self.items, self.calls = items, 0

    def __call__(self) -> tuple:
        self.calls += 1
        return self.items


def test_a_deferred_tuple_is_made_on_first_read_and_only_once():
    maker = Maker((1, 2, 3))
    deferred = Deferred(maker)
    assert maker.calls == 0
    assert (len(deferred), deferred[0], deferred[1:], list(deferred)) == (3, 1, (2, 3), [1, 2, 3])
    assert maker.calls == 1


def test_a_deferred_tuple_read_by_two_threads_at_once_is_made_and_read_by_both():
    """One thread had seen the tuple unmade and was about to make it when another made it
    and let go of its maker: the first then called None ("'NoneType' object is not
    callable"). The first is held, by a trace, exactly there, while the second reads."""
    deferred = Deferred(Maker((1, 2)))
    at_make, second_done = threading.Event(), threading.Event()
    code = Deferred._tuple.__code__
    got: dict[str, object] = {}

    def hold(frame, event, _arg):
        if frame.f_code is not code:
            return None
        if event == "line" and "make()" in linecache.getline(code.co_filename, frame.f_lineno):
            at_make.set()
            second_done.wait(5)
        return hold

    def first() -> None:
        sys.settrace(hold)
        try:
            got["first"] = deferred._tuple()
        except Exception as exc:  # what the thread met, for the assertion below
            got["first"] = exc
        finally:
            sys.settrace(None)

    thread = threading.Thread(target=first)
    thread.start()
    assert at_make.wait(5)
    got["second"] = deferred._tuple()
    second_done.set()
    thread.join(5)
    assert got == {"first": (1, 2), "second": (1, 2)}


def test_a_deferred_tuple_compares_hashes_and_pickles_as_its_tuple():
    deferred = Deferred(Maker(("a", "b")))
    expected = ("a", "b")
    assert deferred == expected and expected.__eq__(deferred) is NotImplemented  # reflected
    assert expected == deferred
    assert deferred == Deferred(Maker(("a", "b"))) and deferred != Deferred(Maker(("a",)))
    assert deferred != ["a", "b"]  # a tuple, not any sequence
    assert hash(deferred) == hash(("a", "b")) and repr(deferred) == repr(("a", "b"))
    again = pickle.loads(pickle.dumps(deferred))
    assert type(again) is tuple and again == ("a", "b")


def test_a_result_knows_its_knock_outs_met_in_part(helsingor, candidates):
    from screening.candidates import load_records

    loaded, _ = load_records([candidates])
    screening = screen(helsingor, [r.record for r in loaded], "samtale2")
    for result in screening.results:
        assert (result.score, result.possible, result.coverage) == (
            result.total.score, result.total.possible, result.total.coverage)
        partly = {o.criterion.id for o in result.outcomes if o.status == D}
        assert set(result.partly_met_knockouts()) == partly & set(result.knockouts)
        assert all(o.status != O for o in result.outcomes if o.criterion.id in result.knockouts)
    assert screening.result(screening.results[0].id) is screening.results[0]
    with pytest.raises(KeyError):
        screening.result("nobody")


@pytest.mark.parametrize("path", PROFILES, ids=lambda p: p.stem)
def test_a_score_range_falls_in_the_band_of_each_end(path):
    scoring = load_profile(path).scoring
    bands = sorted(scoring.bands, key=lambda b: b.min_score)
    assert bands
    for n, band in enumerate(bands):
        below = bands[n - 1] if n else None
        ends = band_range(scoring, Score(band.min_score - 0.1, band.min_score, 50.0))
        assert ends == (below, band)
    top = bands[-1]
    assert band_range(scoring, Score(100.0, 100.0, 100.0)) == (top, top)




@pytest.mark.parametrize("folder", EXAMPLES, ids=lambda p: p.name)
def test_a_screened_result_pickles_with_its_full_explanation(folder):
    """Worker processes send results back pickled: outcomes and evidence arrive whole."""
    from screening.candidates import load_records

    profile = load_profile(ROOT / "rules" / f"{folder.name}.yaml")
    loaded, problems = load_records([folder])
    assert problems == []
    for result in screen(profile, [r.record for r in loaded]).results:
        copy = pickle.loads(pickle.dumps(result))
        assert type(copy.outcomes) is tuple
        assert copy == result
        assert [(o.evidence, o.missing) for o in copy.outcomes] == [
            (o.evidence, o.missing) for o in result.outcomes]


@pytest.mark.parametrize("kind", [Evidence, CriterionOutcome, Score, CandidateResult])
def test_a_hand_written_init_takes_every_field_in_order_and_stays_frozen(kind):
    """Evidence, CriterionOutcome, Score and CandidateResult write their fields themselves
    (cheaper than a frozen dataclass's __init__): a field added to the class must be taken
    by __init__ too."""
    parameters = list(inspect.signature(kind.__init__).parameters.values())[1:]
    fields = dataclasses.fields(kind)
    assert [(p.name, p.default) for p in parameters] == [
        (f.name, inspect.Parameter.empty if f.default is dataclasses.MISSING else f.default)
        for f in fields]
    made = kind(*[f"value of {f.name}" for f in fields])
    assert [getattr(made, f.name) for f in fields] == [f"value of {f.name}" for f in fields]
    assert made == dataclasses.replace(made) and hash(made) == hash(dataclasses.replace(made))
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(made, fields[0].name, "changed")


def test_a_remade_result_keeps_every_field_but_its_outcomes_and_rank():
    """Ranking and a worker's summary remake results field by field (cheaper than
    dataclasses.replace): a field added to CandidateResult must be carried over too."""
    fields = dataclasses.fields(CandidateResult)
    result = CandidateResult(**{f.name: f"value of {f.name}" for f in fields})
    remade = result.remade(("other outcomes",), 7)
    assert (remade.outcomes, remade.rank) == (("other outcomes",), 7)
    assert remade == dataclasses.replace(result, outcomes=("other outcomes",), rank=7)


def test_an_id_the_screening_does_not_hold_is_named_with_the_ids_it_holds(helsingor,
                                                                          candidates):
    """`Screening.result` raised a bare KeyError('strnog'): nothing said what the screening
    held. It is a KeyError still, and a ScreeningError, whose text names the id, the ids
    there are and the nearest, in the language chosen."""
    from screening import ScreeningError, UnknownCandidate
    from screening.candidates import load_records
    from screening.i18n import set_language

    screening = screen(helsingor, [r.record for r in load_records([candidates])[0]])
    held = [r.id for r in screening.results]
    with pytest.raises(KeyError) as raised:
        screening.result("strnog")
    error = raised.value
    assert isinstance(error, UnknownCandidate) and isinstance(error, ScreeningError)
    assert (error.wanted, error.known) == ("strnog", tuple(held))
    assert str(error) == (f"ingen kandidat 'strnog' i denne screening; den har {len(held)}: "
                          f"{', '.join(held)} (mente du 'strong'?)")
    set_language("en")
    assert str(error).startswith("no candidate 'strnog' in this screening; it holds ")


def test_a_criterion_id_the_profile_does_not_have_is_named_with_the_ids_it_has(helsingor):
    """`Profile.criterion` raised a bare KeyError too."""
    from screening import UnknownCriterion

    wanted = helsingor.criteria[0].id + "x"
    with pytest.raises(KeyError) as raised:
        helsingor.criterion(wanted)
    error = raised.value
    assert isinstance(error, UnknownCriterion)
    assert error.known == tuple(c.id for c in helsingor.criteria)
    assert str(error).startswith(f"intet kriterium '{wanted}' i profilen {helsingor.meta.id}; "
                                 f"den har {len(helsingor.criteria)}: ")
    assert str(error).endswith(f"(mente du '{helsingor.criteria[0].id}'?)")
