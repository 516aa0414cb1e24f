from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "documents"
    verbose_name = _("Dokumen")

    def ready(self) -> None:
        from documents.drafting.writer import draft_texts
        from documents.perjanjian import sign_perjanjian
        from documents.signing import sign_final
        from workflow import hooks

        # Step 10 of the procedure freezes and signs the final through this hook, and the
        # Camat's signature of a Perjanjian Kinerja freezes that version through this one.
        hooks.freeze_final.register(sign_final)
        # Step 6 starts from the product's first draft of every chapter and row analysis.
        hooks.draft_texts.register(draft_texts)
        hooks.freeze_perjanjian.register(sign_perjanjian)
