from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = _("Halaman")

    def ready(self) -> None:
        from pages.procedure.links import work_page_path
        from workflow import hooks

        # The procedure's mail links to the pages where a step is done.
        hooks.work_page_path.register(work_page_path)
