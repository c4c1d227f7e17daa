"""Why an export cannot be imported at all (as opposed to one object in it: a run message)."""

from django.core.exceptions import ValidationError


class ExportError(ValidationError):
    """The file is not an export we can read: wrong format, truncated, unsupported version,
    missing columns. The message says where (line, object) and why; nothing has been imported."""

    def __init__(self, message):
        super().__init__(message)
        self.text = message

    def __str__(self):
        return self.text
