"""One door per transition: every transition is performed by exactly one URL and one view.

The test walks the URL conf and reads each view's code (and the code of the functions of
its own module that it calls): a view that reaches a step service, a Perjanjian Kinerja's
transition service, `run_transition` or a transition form's `perform()` performs a
transition, and only the doors may: the report's, a unit's submission's and a PK's."""

from __future__ import annotations

import inspect
import types

from django.urls import URLPattern, URLResolver, get_resolver

from workflow.services import planning, procedure
from workflow.services.core import run_transition

DOORS = {
    "workflow:report_transition",
    "workflow:submission_transition",
    "planning:perjanjian_transition",
}


def _patterns(patterns, namespace=""):
    for p in patterns:
        if isinstance(p, URLResolver):
            if p.namespace == "admin":
                continue
            ns = f"{namespace}{p.namespace}:" if p.namespace else namespace
            yield from _patterns(p.url_patterns, ns)
        elif isinstance(p, URLPattern):
            yield f"{namespace}{p.name}", p.callback


def _unwrap(func):
    while hasattr(func, "__wrapped__"):
        func = func.__wrapped__
    return func


def _names(func, seen=None) -> set[str]:
    """Every global and attribute name the function's code uses, following the functions
    of its own module it calls (and nested code objects such as lambdas)."""
    seen = seen if seen is not None else set()
    func = _unwrap(func)
    code = getattr(func, "__code__", None)
    if code is None or code in seen:
        return set()
    seen.add(code)
    names: set[str] = set()
    stack = [code]
    while stack:
        c = stack.pop()
        names |= set(c.co_names)
        stack += [k for k in c.co_consts if isinstance(k, types.CodeType)]
    module = inspect.getmodule(func)
    for name in list(names):
        target = getattr(module, name, None)
        if inspect.isfunction(target) and target.__module__ == func.__module__:
            names |= _names(target, seen)
    return names


def _transition_services() -> set[str]:
    """The step services that change state: those whose code reaches `run_transition`."""
    out = {"run_transition", "perform"}
    for module in (procedure, planning):
        for name in module.__all__:
            func = getattr(module, name)
            if callable(func) and (
                "run_transition" in _names(func) or "draft_return" in _names(func)
            ):
                out.add(name)
    return out


def test_the_services_that_change_state_are_found():
    services = _transition_services()
    assert {"submission_submit", "submission_accept", "submission_return"} <= services
    assert {"draft_submit", "draft_accept", "draft_return", "report_sign"} <= services
    assert "chapter_update" not in services  # a content write, not a transition
    assert {"perjanjian_submit", "perjanjian_review", "perjanjian_return"} <= services
    assert "perjanjian_sign" in services
    # Preparing the drafts, a PK Perubahan and the plan's writes change no state.
    assert not {"perjanjian_prepare", "perjanjian_amend", "plan_row_update"} & services
    assert run_transition.__name__ in services


def test_only_the_doors_perform_transitions():
    services = _transition_services()
    offenders = {}
    doors = {}
    for name, view in _patterns(get_resolver().url_patterns):
        used = _names(view) & services
        if name in DOORS:
            doors[name] = used
        elif used:
            offenders[name] = sorted(used)
    assert not offenders, f"URL selain pintu transisi yang menjalankan transisi: {offenders}"
    # Every door exists and performs through the transition's form.
    assert set(doors) == DOORS
    assert all("perform" in used for used in doors.values())
