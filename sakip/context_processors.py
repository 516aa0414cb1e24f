from __future__ import annotations

from sakip.navigation import navigation_for


def office(request):
    person = (
        getattr(getattr(request, "user", None), "person", None)
        if request.user.is_authenticated
        else None
    )
    return {
        "person": person,
        "current_office": person.office if person else None,
        "nav_items": navigation_for(request, person),
    }
