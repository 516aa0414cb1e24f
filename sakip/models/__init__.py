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
from sakip.models.rows import Evidence, PlanRow

__all__ = [
    "Anggaran",
    "Evidence",
    "Holiday",
    "Indikator",
    "Kabupaten",
    "Nomenklatur",
    "Office",
    "Person",
    "PlanRow",
    "Polarity",
    "Role",
    "SasaranStrategis",
    "Target",
    "TargetKind",
    "Tenure",
    "Unit",
    "UnitKind",
    "Year",
]
