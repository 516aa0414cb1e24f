from workflow.models.documents import (
    Chapter,
    CopyRecord,
    Dispatch,
    LetterKind,
    LetterNumber,
    LetterSequence,
    Meeting,
    MeetingKind,
    NotaDinas,
    RenderedDocument,
    SignedDocument,
)
from workflow.models.measurement import FollowUp
from workflow.models.perjanjian import PerjanjianKinerja, PerjanjianState
from workflow.models.procedure import (
    ROMAN,
    Period,
    Report,
    ReportState,
    Step,
    Submission,
    SubmissionState,
)
from workflow.models.records import (
    AuditEntry,
    RevisionItem,
    RevisionRequest,
    StepRecord,
    SubmissionSnapshot,
)
from workflow.models.reference import ReferenceStep

__all__ = [
    "AuditEntry",
    "Chapter",
    "CopyRecord",
    "FollowUp",
    "Dispatch",
    "LetterKind",
    "LetterNumber",
    "LetterSequence",
    "Meeting",
    "MeetingKind",
    "NotaDinas",
    "PerjanjianKinerja",
    "PerjanjianState",
    "Period",
    "ROMAN",
    "ReferenceStep",
    "RenderedDocument",
    "Report",
    "ReportState",
    "RevisionItem",
    "RevisionRequest",
    "SignedDocument",
    "Step",
    "StepRecord",
    "Submission",
    "SubmissionState",
    "SubmissionSnapshot",
]
