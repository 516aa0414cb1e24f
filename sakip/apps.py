from django.apps import AppConfig
from django.db.models.signals import post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class SakipConfig(AppConfig):
    name = "sakip"
    verbose_name = _("Perencanaan kinerja")

    def ready(self) -> None:
        from sakip.models import Office
        from sakip.reference import load_sakip_reference, office_created

        # Every database gets the reference data of fixtures/ (why: sakip/reference.py).
        post_migrate.connect(load_sakip_reference, sender=self, dispatch_uid="sakip_reference")
        # A new office starts with the official nomenclature.
        post_save.connect(office_created, sender=Office, dispatch_uid="office_nomenklatur")
