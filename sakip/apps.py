from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate, post_save
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
        # Any change of the master data and the plan moves the office's data version, the
        # key of what its pages keep in the cache (sakip/versions.py).
        from sakip import models
        from sakip.versions import master_data_changed

        for model in (
            models.Kabupaten,
            models.Office,
            models.Unit,
            models.Person,
            models.Tenure,
            models.Holiday,
            models.Year,
            models.Renstra,
            models.SasaranStrategis,
            models.Indikator,
            models.Target,
            models.Nomenklatur,
            models.Anggaran,
        ):
            for signal in (post_save, post_delete):
                signal.connect(
                    master_data_changed, sender=model, dispatch_uid=f"version_{model.__name__}"
                )
