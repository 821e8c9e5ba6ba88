"""Typed errors: every input plandiff cannot use raises a ``PlanError`` a user can act on."""

from __future__ import annotations


class PlanError(Exception):
    """Base class: the input cannot be turned into a plan. The message says why and what to do."""


class InputNotFound(PlanError):
    pass


class InputIsDirectory(PlanError):
    pass


class EmptyInput(PlanError):
    pass


class InputTooLarge(PlanError):
    pass


class BinaryInput(PlanError):
    """Bytes that are no text and no format plandiff reads (an image, an executable …)."""


class UndecodableInput(PlanError):
    pass


class CorruptDocument(PlanError):
    """A .docx or .pdf that is truncated or damaged."""


class EncryptedDocument(PlanError):
    pass


class NoTextLayer(PlanError):
    """A scanned PDF: pages are pictures; OCR is needed first."""


class GarbledTextLayer(NoTextLayer):
    """A PDF whose accented letters stand apart from their words on the page itself, so that
    neither drawing order nor glyph positions give the words back: OCR is needed."""


class MissingDependency(PlanError):
    """A format needs an optional extra that is not installed."""


class NotAPlan(PlanError):
    """The text has no title and no numbered sections: it is not a plan."""


class InvalidArgument(PlanError, TypeError, ValueError):
    """A library call got something it cannot use (None for a plan, a number for a path, fewer
    than two versions): typed so that callers catching ``PlanError`` see it too."""


def require(value: object, kind: type, where: str) -> None:
    """Raise ``InvalidArgument`` unless ``value`` is a ``kind`` (``where`` names the argument)."""
    if not isinstance(value, kind):
        raise InvalidArgument(f"{where} must be a {kind.__name__}, not {type(value).__name__}")


class NotARegularFile(PlanError):
    """A device, a FIFO or a socket: plandiff reads files, whose size it can bound."""


class OutputIsInput(PlanError):
    """The output names one of the inputs (by any path or link), or a device: refused before
    anything is read, so an input is never overwritten."""
