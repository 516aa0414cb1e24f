"""Signing in: Django's model backend, reading the person with the user.

Every page needs the signed-in person, their office (and its kabupaten) and unit — the header,
the navigation, every access check. Read with the user in one query instead of three more
on every request."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend

PERSON_RELATED = ("person__office__kabupaten", "person__kabupaten", "person__unit")


class PersonBackend(ModelBackend):
    def get_user(self, user_id):
        users = get_user_model()._default_manager.select_related(*PERSON_RELATED)
        try:
            user = users.get(pk=user_id)
        except get_user_model().DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None
