"""What the procedure needs from the layers above it, plugged in by them at start-up.

The procedure knows nothing of PDFs or pages. Where a step needs their work (step 10 freezes
and signs the final LAKIP), it calls a hook here, and the app that can do the work registers
itself in its `AppConfig.ready()`. A hook that nobody registered is a configuration error,
not a silent no-op."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.exceptions import ImproperlyConfigured


class Hook:
    def __init__(self, name: str, doc: str) -> None:
        self.name = name
        self.__doc__ = doc
        self._impl: Callable[..., Any] | None = None

    def register(self, func: Callable[..., Any]) -> Callable[..., Any]:
        self._impl = func
        return func

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        if self._impl is None:
            raise ImproperlyConfigured(f"Hook {self.name!r} has no implementation registered.")
        return self._impl(*args, **kwargs)


freeze_final = Hook(
    "freeze_final",
    "freeze_final(report=, person=): render the final LAKIP, store its bytes, hash and sign "
    "them. Runs inside the step-10 transaction; raising rolls the signing back.",
)

work_page_path = Hook(
    "work_page_path",
    "work_page_path(report_id, submission_id=None) → the path of the page where a step is "
    "done (the unit's page for a unit's step, else the report's page), for the links in mail.",
)

draft_texts = Hook(
    "draft_texts",
    "draft_texts(report=, chapters=None, rows=None) -> DraftTexts: the product's first draft "
    "of the LAKIP, written from the report's data: `chapters` maps chapter keys to text, "
    "`analyses` row pks to text. `chapters`/`rows` limit the work to those keys/row pks "
    "(None: all). Read-only; the services in workflow.services.procedure.first_draft write them.",
)

freeze_perjanjian = Hook(
    "freeze_perjanjian",
    "freeze_perjanjian(perjanjian=, person=): render the signed Perjanjian Kinerja from its "
    "snapshot, store its bytes, hash and sign them. Runs inside the signing transaction.",
)

plan_page_path = Hook(
    "plan_page_path",
    "plan_page_path(year, perjanjian_id=None) → the path of the year's plan page, or of one "
    "Perjanjian Kinerja's page: the link of a refusal that the plan can remove, and of mail.",
)
