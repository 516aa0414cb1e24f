from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class WorkflowConfig(AppConfig):
    name = "workflow"
    verbose_name = _("Prosedur LAKIP")

    def ready(self) -> None:
        from sakip.models import Office
        from workflow.sop_steps import load_workflow_reference, office_created

        # Every database gets the SOP's reference steps from fixtures/sop_steps.json.
        post_migrate.connect(
            load_workflow_reference, sender=self, dispatch_uid="workflow_reference"
        )
        # A new office can run the procedure at once: it gets a copy of the 13 steps.
        post_save.connect(office_created, sender=Office, dispatch_uid="office_sop_steps")
        # The SOP's steps of an office (names, roles, minutes) are on its pages too, and so
        # is every report (a new LAKIP, a quarter opened; transitions move the version in
        # `run_transition` as well), a quarter's meeting and its follow-ups. The cached
        # documents read the letters, the nota dinas, the Perjanjian Kinerja and who was
        # invited to and attended a meeting too (documents.pdf.versions_key).
        from sakip.versions import master_data_changed, membership_changed
        from workflow.models import (
            FollowUp,
            LetterNumber,
            Meeting,
            NotaDinas,
            PerjanjianKinerja,
            Report,
            Step,
        )

        for model in (Step, Report, Meeting, FollowUp, LetterNumber, NotaDinas, PerjanjianKinerja):
            for signal in (post_save, post_delete):
                signal.connect(
                    master_data_changed, sender=model, dispatch_uid=f"version_{model.__name__}"
                )
        for field in (Meeting.attendees, Meeting.invitees):
            m2m_changed.connect(
                membership_changed, sender=field.through, dispatch_uid=f"version_{field.field.name}"
            )
