"""Bahasa Indonesia for everyone; English only for whoever chooses it in the footer.

Django's LocaleMiddleware also follows the browser's Accept-Language, so an office PC with
an English Windows got the English interface (and its dates) although nobody chose it. Here
only the language cookie counts, which Django's `set_language` view (the footer's switch)
sets and the browser keeps."""

from __future__ import annotations

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_vary_headers


class ChosenLanguageMiddleware(LocaleMiddleware):
    def process_request(self, request) -> None:
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        language = chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()

    def process_response(self, request, response):
        # The page depends on the cookie, never on Accept-Language.
        response.headers.setdefault("Content-Language", translation.get_language())
        patch_vary_headers(response, ("Cookie",))
        return response
