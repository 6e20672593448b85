"""The pure arithmetic of questionnaire results (no database)."""

from __future__ import annotations

import pytest

from monitoring.questionnaires import stats


def test_mean_and_median():
    assert stats.mean([]) is None
    assert stats.median([]) is None
    assert stats.mean([1, 2, 3, 4]) == 2.5
    assert stats.median([7, 1, 3]) == 3
    assert stats.median([4, 1, 3, 2]) == 2.5


def test_scale_summary_counts_every_value_of_the_scale():
    summary = stats.scale_summary([10, 8, 8, None, 3], 1, 10)
    assert summary.count == 4
    assert dict(summary.counts) == {1: 0, 2: 0, 3: 1, 4: 0, 5: 0, 6: 0, 7: 0, 8: 2, 9: 0, 10: 1}
    assert summary.mean == pytest.approx(7.25)
    assert summary.median == 8
    assert summary.max_count == 2
    assert summary.share(2) == 0.5


def test_yes_no_share():
    summary = stats.yes_no_summary([1.0, 0.0, 1.0, 1.0])
    assert (summary.yes, summary.no, summary.count) == (3, 1, 4)
    assert summary.share_yes == 0.75
    assert stats.yes_no_summary([]).share_yes is None


def test_option_summary_keeps_the_template_order_and_unknown_options():
    summary = stats.option_summary([["b"], ["a", "b"], [], ["z"]], ["a", "b", "c"])
    assert summary.count == 3
    assert summary.counts == [("a", 1), ("b", 2), ("c", 0), ("z", 1)]
    assert summary.first_choices == [("a", 1), ("b", 1), ("z", 1)]


def test_option_summary_counts_a_repeated_option_once_per_answer():
    assert stats.option_summary([["a", "a"]]).counts == [("a", 1)]


def test_direction():
    assert stats.direction(None) == ""
    assert stats.direction(0.5) == "up"
    assert stats.direction(-2) == "down"
    assert stats.direction(0.0) == "same"


def test_compare_per_participant_group_and_only_once():
    before = {"ann": {"confidence": 4, "motivation": 6}, "bob": {"confidence": 7}, "eve": {"confidence": 5}}
    after = {
        "ann": {"confidence": 8, "motivation": 5},
        "bob": {"confidence": 6, "motivation": 9},
        "tom": {"confidence": 9},
    }
    result = stats.compare(["confidence", "motivation"], before, after)
    assert [row.participant for row in result.participants] == ["ann", "bob"]
    assert result.only_before == ["eve"]
    assert result.only_after == ["tom"]
    ann = result.participants[0]
    assert [(i.before, i.after, i.change, i.direction) for i in ann.items] == [
        (4, 8, 4, "up"),
        (6, 5, -1, "down"),
    ]
    assert ann.mean_change == pytest.approx(1.5)
    bob = result.participants[1]
    # motivation is missing before: it has no change and stays out of bob's means
    assert bob.items[1].change is None
    assert (bob.mean_before, bob.mean_after, bob.direction) == (7, 6, "down")
    overall = {item.key: item for item in result.overall}
    assert (overall["confidence"].before, overall["confidence"].after) == (5.5, 7.0)
    assert (overall["motivation"].before, overall["motivation"].after) == (6, 5)

    groups = {g.group: g for g in result.by_group({"ann": "7А", "bob": "7А", "tom": "8Б"})}
    assert set(groups) == {"7А"}  # tom answered once: no group row of his own
    assert groups["7А"].size == 2
    assert groups["7А"].items[0].change == pytest.approx(1.5)
    assert groups["7А"].mean_change == pytest.approx(((5.5 + 6) / 2 - (7 + 5) / 2) * -1)


def test_compare_with_nobody_twice():
    result = stats.compare(["x"], {"a": {"x": 1}}, {})
    assert result.participants == []
    assert result.overall[0].before is None
    assert result.overall[0].change is None
