"""The 13 steps of the SOP as services, one per action, named `<entity>_<action>`, grouped
by the phases of the procedure. Every state change goes through `run_transition` (lock,
permission, transition, save, records, audit, mail on commit); every change of report
content through `content_changed`."""

from workflow.services.procedure.approval import (
    report_finalise,
    report_send_back,
    report_send_for_approval,
    report_sign,
)
from workflow.services.procedure.collection import (
    SNAPSHOT_FIELDS,
    measurement_close,
    report_collect,
    report_finish_evaluation,
    snapshot_rows,
    submission_accept,
    submission_blockers,
    submission_return,
    submission_submit,
    untouched_returned_rows,
)
from workflow.services.procedure.dispatch import (
    report_dispatch,
    report_duplicate,
    report_number_letter,
)
from workflow.services.procedure.drafting import (
    CHAPTERS,
    chapter_update,
    draft_accept,
    draft_return,
    draft_submit,
    row_analysis_update,
)
from workflow.services.procedure.first_draft import (
    DraftTexts,
    EditedText,
    chapter_regenerate,
    draft_generate,
    row_analysis_regenerate,
)
from workflow.services.procedure.ordering import (
    nota_dinas_defaults,
    report_create,
    report_distribute,
)

__all__ = [
    "DraftTexts",
    "EditedText",
    "chapter_regenerate",
    "draft_generate",
    "row_analysis_regenerate",
    "CHAPTERS",
    "SNAPSHOT_FIELDS",
    "chapter_update",
    "draft_accept",
    "draft_return",
    "draft_submit",
    "nota_dinas_defaults",
    "report_collect",
    "report_create",
    "report_dispatch",
    "report_distribute",
    "report_duplicate",
    "report_finalise",
    "measurement_close",
    "report_finish_evaluation",
    "report_number_letter",
    "report_send_back",
    "report_send_for_approval",
    "report_sign",
    "row_analysis_update",
    "snapshot_rows",
    "submission_accept",
    "submission_blockers",
    "submission_return",
    "submission_submit",
    "untouched_returned_rows",
]
