from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SakipConfig(AppConfig):
    name = "sakip"
    verbose_name = _("Perencanaan kinerja")
