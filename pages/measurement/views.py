"""The quarterly measurement's pages: the year's four quarters, and one quarter."""

from django.http import HttpResponse


def year_page(request, tahun: int):
    return HttpResponse("")


def quarter_page(request, tahun: int, tw: int):
    return HttpResponse("")
