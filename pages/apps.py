from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = _("Halaman")

    def ready(self) -> None:
        from pages.planning.views import plan_path
        from pages.procedure.links import work_page_path
        from workflow import hooks

        # The procedure's mail links to the pages where a step is done; a refusal the plan
        # can remove (step 2 without a signed PK) and the PK's mail link to the plan.
        hooks.work_page_path.register(work_page_path)
        hooks.plan_page_path.register(plan_path)
