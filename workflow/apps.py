from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class WorkflowConfig(AppConfig):
    name = "workflow"
    verbose_name = _("Prosedur LAKIP")

    def ready(self) -> None:
        from sakip.models import Office
        from workflow.sop_steps import office_created

        # A new office can run the procedure at once: it gets the SOP's 13 steps.
        post_save.connect(office_created, sender=Office, dispatch_uid="office_sop_steps")
