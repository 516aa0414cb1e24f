"""How an indicator's quarters make its year (sakip.planning.quarters), as properties."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from sakip.models import Aggregation
from sakip.planning.quarters import projection, to_date, year_value

figure = st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False)
quarter = st.one_of(st.none(), figure)
four = st.lists(quarter, min_size=4, max_size=4)
measured_four = st.lists(figure, min_size=4, max_size=4)


@given(measured_four)
def test_cumulative_never_falls_for_non_negative_realisations(values):
    running = to_date(values, Aggregation.CUMULATIVE)
    assert all(a <= b for a, b in zip(running, running[1:], strict=False))
    assert running[-1] == sum(values, Decimal(0))


@given(measured_four)
def test_last_value_is_tw_iv(values):
    assert year_value(values, Aggregation.LAST) == values[3]


@given(four)
def test_last_value_is_the_latest_measured_quarter(values):
    measured = [v for v in values if v is not None]
    expected = measured[-1] if measured else None
    assert year_value(values, Aggregation.LAST) == expected


@given(four)
def test_average_lies_between_the_smallest_and_largest_quarter(values):
    measured = [v for v in values if v is not None]
    result = year_value(values, Aggregation.AVERAGE)
    if not measured:
        assert result is None
    else:
        assert min(measured) <= result <= max(measured)


@given(four, st.sampled_from(list(Aggregation)))
def test_no_quarter_measured_means_no_year_figure(values, rule):
    nothing = [None] * 4
    assert year_value(nothing, rule) is None
    assert to_date(nothing, rule) == nothing


@given(st.lists(figure, min_size=1, max_size=3))
def test_cumulative_projection_is_at_least_what_is_already_measured(values):
    padded = values + [None] * (4 - len(values))
    projected = projection(padded, Aggregation.CUMULATIVE)
    assert projected >= sum(values, Decimal(0))


@given(measured_four, st.sampled_from(list(Aggregation)))
def test_there_is_no_projection_once_tw_iv_is_measured(values, rule):
    assert projection(values, rule) is None


def test_a_steady_cumulative_trend_projects_four_times_a_quarter():
    assert projection([Decimal(10), Decimal(10), None, None], Aggregation.CUMULATIVE) == 40


def test_a_last_value_trend_needs_two_quarters():
    assert projection([Decimal(50), None, None, None], Aggregation.LAST) is None
    assert projection([Decimal(50), Decimal(60), None, None], Aggregation.LAST) == 80
