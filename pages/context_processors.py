"""What every page needs to know about the signed-in person: their profile, their office
(or kabupaten, for kabupaten readers) for the header, and their role's navigation."""

from __future__ import annotations

from pages.navigation import navigation_for


def office(request) -> dict:
    user = getattr(request, "user", None)
    person = getattr(user, "person", None) if user is not None and user.is_authenticated else None
    current_office = person.office if person else None
    if current_office is not None:
        kabupaten = current_office.kabupaten
    else:
        kabupaten = person.kabupaten if person else None
    return {
        "person": person,
        "current_office": current_office,
        "current_kabupaten": kabupaten,
        "nav_items": navigation_for(request, person),
    }
