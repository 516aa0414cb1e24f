"""The one translation of a refusal into what the person sees.

A step service raises `WorkflowError` with an Indonesian message: `TransitionDenied` (not
this person's step) becomes the 403 page with that message; any other `WorkflowError` (not
possible now, already done by someone else, incomplete input) becomes a message on the page
the person came from. An htmx request gets a small fragment instead, with the status code,
which the page shows in place (see `static/js/sakip.js`). No view writes this translation."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views import defaults

from workflow.services import TransitionDenied, WorkflowError

# Status of a refused htmx action: the request was understood, the state did not allow it.
CONFLICT = 409


def safe_next(request: HttpRequest) -> str | None:
    """The `next` the page asked to return to, if it is a path of this site."""
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return None


def back_url(request: HttpRequest) -> str:
    """Where a refused action returns: the page's `next`, else the page it came from, else
    the report the URL names, else home."""
    target = safe_next(request)
    if target:
        return target
    referer = request.headers.get("referer", "")
    if referer and url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return referer
    match = request.resolver_match
    if match and "pk" in match.kwargs:
        return reverse("workflow:report_detail", args=[match.kwargs["pk"]])
    return reverse("home")


def with_link(error: WorkflowError):
    """The refusal's message, with the link to the page where its obstacle is removed when
    the service named one (e.g. the plan page when no Perjanjian Kinerja is signed)."""
    if not error.link_url:
        return error.message
    return format_html(
        '{} <a class="alert-link" href="{}">{}</a>',
        error.message,
        error.link_url,
        error.link_label or _("Buka halamannya"),
    )


def error_fragment(request: HttpRequest, message: str, status: int) -> HttpResponse:
    return render(request, "_error.html", {"message": message}, status=status)


def permission_denied(request: HttpRequest, exception=None) -> HttpResponse:
    """The 403 handler: the reason in Indonesian, as a page or as an htmx fragment."""
    message = str(exception) if exception and str(exception) else ""
    if getattr(request, "htmx", False):
        return error_fragment(
            request, message or _("Anda tidak berwenang melakukan tindakan ini."), 403
        )
    return defaults.permission_denied(request, exception or PermissionDenied())


class WorkflowErrorMiddleware:
    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception):
        if isinstance(exception, TransitionDenied):
            return permission_denied(request, PermissionDenied(exception.message))
        if isinstance(exception, WorkflowError):
            message = with_link(exception)
            if getattr(request, "htmx", False):
                return error_fragment(request, message, CONFLICT)
            messages.error(request, message)
            return redirect(back_url(request))
        return None
