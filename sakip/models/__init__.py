from sakip.models.org import Holiday, Kabupaten, Office, Person, Role, Tenure, Unit, UnitKind
from sakip.models.plan import (
    Anggaran,
    Indikator,
    Nomenklatur,
    Polarity,
    SasaranStrategis,
    Target,
    TargetKind,
    Year,
)
from sakip.models.reference import NomenklaturKind, ReferenceBand, ReferenceNomenklatur
from sakip.models.rows import Evidence, PlanRow

__all__ = [
    "Anggaran",
    "Evidence",
    "Holiday",
    "Indikator",
    "Kabupaten",
    "Nomenklatur",
    "NomenklaturKind",
    "Office",
    "Person",
    "PlanRow",
    "Polarity",
    "ReferenceBand",
    "ReferenceNomenklatur",
    "Role",
    "SasaranStrategis",
    "Target",
    "TargetKind",
    "Tenure",
    "Unit",
    "UnitKind",
    "Year",
]
