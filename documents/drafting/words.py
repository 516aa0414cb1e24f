"""Small pieces of Indonesian prose shared by the chapter writers: numbers with units,
differences, trends that respect an indicator's polarity, lists, and the drafter's notes."""

from __future__ import annotations

from decimal import Decimal

from documents.selectors.shared import fmt_number
from sakip.models import Polarity


def todo(what: str) -> str:
    """A visible note for the drafter where the data cannot know the answer."""
    return f"[Penyusun: {what}]"


def md(text: str) -> str:
    """User text set inside generated markup: one line, markup characters kept literal."""
    flat = " ".join(str(text or "").split())
    for ch in ("\\", "*", "_", "|"):
        flat = flat.replace(ch, "\\" + ch)
    return flat


def quote(text: str) -> str:
    """User text in quotation marks, without a final full stop (the sentence adds its own)."""
    return f"“{md(text).rstrip('.')}”"


def percent(value: Decimal | None) -> str:
    return f"{fmt_number(value, places=2)}%" if value is not None else "-"


def amount(value: Decimal | None, satuan: str) -> str:
    """A quantity in the indicator's unit: 5 poin persen, 0,5 hari, 3 dokumen."""
    number = fmt_number(value)
    if satuan == "%":
        return f"{number} poin persen"
    return f"{number} {satuan}".strip()


def quantity(value: Decimal | None, satuan: str) -> str:
    """A value in the indicator's unit, to two decimals at most: 87,5%, 16 dokumen, 2,13 hari."""
    if value is None:
        return "-"
    number = fmt_number(Decimal(value).quantize(Decimal("0.01")))
    return f"{number}%" if satuan == "%" else f"{number} {satuan}".strip()


def rupiah(value: Decimal | None) -> str:
    return f"Rp{fmt_number(value, places=0)}" if value is not None else "-"


def join_and(items: list[str]) -> str:
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " dan " + items[-1]


def direction(delta: Decimal) -> str:
    return "naik" if delta > 0 else ("turun" if delta < 0 else "tetap")


def better(delta: Decimal, polarity: str) -> str:
    """What a change means for the indicator: membaik, menurun, or stabil."""
    if delta == 0:
        return "stabil"
    improved = delta < 0 if polarity == Polarity.LOWER else delta > 0
    return "membaik" if improved else "menurun"


def met(realisasi: Decimal, target: Decimal, polarity: str) -> int:
    """1 beyond the target, 0 on it, -1 short of it, in the indicator's direction."""
    if realisasi == target:
        return 0
    ahead = realisasi < target if polarity == Polarity.LOWER else realisasi > target
    return 1 if ahead else -1


def sentence(*parts: str) -> str:
    return " ".join(p.strip() for p in parts if p and p.strip())


def numbered(items: list[str]) -> str:
    return "\n".join(f"{i}. {item}" for i, item in enumerate(items, start=1))


def bullets(items: list[str]) -> str:
    return "\n".join(f"- {item}" for item in items)


def paragraphs(*blocks: str) -> str:
    return "\n\n".join(b.strip() for b in blocks if b and b.strip())
