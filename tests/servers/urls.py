"""The product's URLs, plus one door the proof needs that the product has no page for: take
the next number of the signed-in person's office register through the same service step 11
uses (`letter_number_allocate`), so many numbers can be taken from both servers at once."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.urls import include, path
from django.views.decorators.http import require_POST

from pages.urls import handler403  # noqa: F401 (the product's refusal page)
from workflow.services.letters import letter_number_allocate


@require_POST
@login_required
def take_letter_number(request):
    person = request.user.person
    letter = letter_number_allocate(
        office=person.office, person=person, purpose="Uji beberapa server aplikasi"
    )
    return JsonResponse({"year": letter.year, "sequence": letter.sequence, "number": letter.number})


urlpatterns = [
    path("uji/nomor-surat/", take_letter_number),
    path("", include("pages.urls")),
]
