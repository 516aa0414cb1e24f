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
from workflow.models.perjanjian import PerjanjianKinerja, PerjanjianState
from workflow.models.procedure import Report, ReportState, Step, Submission, SubmissionState
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
    "Dispatch",
    "LetterKind",
    "LetterNumber",
    "LetterSequence",
    "Meeting",
    "MeetingKind",
    "NotaDinas",
    "PerjanjianKinerja",
    "PerjanjianState",
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
