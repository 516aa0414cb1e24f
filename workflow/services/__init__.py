"""The one path that changes the procedure's state. Views, the admin and management
commands call these functions; nothing else writes a state field."""

from workflow.services.core import (
    StaleTransition,
    TransitionDenied,
    TransitionRefused,
    WorkflowError,
    available_transitions,
    run_transition,
)

__all__ = [
    "StaleTransition",
    "TransitionDenied",
    "TransitionRefused",
    "WorkflowError",
    "available_transitions",
    "run_transition",
]
