"""The year's plan and its Perjanjian Kinerja as services, named `<entity>_<action>`: plan
writes lock the year and go through `plan_changed`; PK transitions through `run_transition`."""

from workflow.services.planning.perjanjian import (
    frozen_content,
    perjanjian_amend,
    perjanjian_prepare,
    perjanjian_return,
    perjanjian_review,
    perjanjian_sign,
    perjanjian_submit,
    units_with_indicators,
)
from workflow.services.planning.plan import (
    StalePlan,
    anggaran_add,
    anggaran_remove,
    anggaran_update,
    check_plan_open,
    indikator_add,
    plan_apply,
    plan_copy,
    plan_row_remove,
    plan_row_update,
    sasaran_add,
    sasaran_update,
    year_open,
)

__all__ = [
    "StalePlan",
    "anggaran_add",
    "anggaran_remove",
    "anggaran_update",
    "check_plan_open",
    "frozen_content",
    "indikator_add",
    "perjanjian_amend",
    "perjanjian_prepare",
    "perjanjian_return",
    "perjanjian_review",
    "perjanjian_sign",
    "perjanjian_submit",
    "plan_apply",
    "plan_copy",
    "plan_row_remove",
    "plan_row_update",
    "sasaran_add",
    "sasaran_update",
    "units_with_indicators",
    "year_open",
]
