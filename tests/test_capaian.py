from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from sakip.capaian import band_for, compute_capaian

values = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("100000"), places=2)
reals = st.decimals(min_value=Decimal("0"), max_value=Decimal("100000"), places=2)


@given(target=values, polarity=st.sampled_from(["higher", "lower"]))
def test_it_is_100_when_realisation_equals_target(target, polarity):
    result = compute_capaian(polarity=polarity, kind="number", target=target, realisation=target)
    assert result.percent == Decimal(100)
    assert result.band.code == "sangat_tinggi"


@given(target=values, r1=reals, r2=reals)
def test_it_grows_with_realisation_when_higher_is_better(target, r1, r2):
    low, high = sorted([r1, r2])
    a = compute_capaian(polarity="higher", kind="number", target=target, realisation=low)
    b = compute_capaian(polarity="higher", kind="number", target=target, realisation=high)
    assert a.percent <= b.percent


@given(target=values, r1=reals, r2=reals)
def test_it_shrinks_with_realisation_when_lower_is_better(target, r1, r2):
    low, high = sorted([r1, r2])
    a = compute_capaian(polarity="lower", kind="number", target=target, realisation=low)
    b = compute_capaian(polarity="lower", kind="number", target=target, realisation=high)
    assert a.percent >= b.percent


@given(target=values, real=reals)
def test_it_is_never_below_zero_when_lower_is_better(target, real):
    result = compute_capaian(polarity="lower", kind="number", target=target, realisation=real)
    assert result.percent >= 0


@given(text=st.text(max_size=50), real=st.one_of(st.none(), reals))
def test_text_targets_have_no_percentage(text, real):
    result = compute_capaian(polarity="higher", kind="text", target=None, realisation=real)
    assert result.percent is None and result.band is None
    assert "kualitatif" in result.formula


def test_range_targets_are_met_inside_the_range():
    inside = compute_capaian(
        polarity="higher",
        kind="range",
        target=Decimal(60),
        target_max=Decimal(70),
        realisation=Decimal(65),
    )
    below = compute_capaian(
        polarity="higher",
        kind="range",
        target=Decimal(60),
        target_max=Decimal(70),
        realisation=Decimal(30),
    )
    assert inside.percent == 100
    assert below.percent == 50


def test_bands_follow_permendagri_86():
    assert band_for(Decimal("90.6")).code == "sangat_tinggi"
    assert band_for(Decimal("90.4")).code == "tinggi"
    assert band_for(Decimal("75")).code == "sedang"
    assert band_for(Decimal("51")).code == "rendah"
    assert band_for(Decimal("50")).code == "sangat_rendah"
