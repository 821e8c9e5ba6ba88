"""Who must do what, by when: tasks a plan assigns, agencies with an identity, duties compared.

``tasks(plan)`` extracts; ``agencies_of(tasks)`` groups them by body; ``compare_tasks(a, b)``
compares two plans' duties on top of their clause alignment.
"""

from __future__ import annotations

from .compare import TaskComparison, compare_tasks
from .extract import tasks
from .summary import agencies_of

__all__ = ["TaskComparison", "agencies_of", "compare_tasks", "tasks"]
