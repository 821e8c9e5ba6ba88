"""``plandiff.agencies`` under its first name: the bodies' identities moved to the floor, where the
aligner reads them too; this name is the same module (not a copy), so that
``plandiff.tasks.agencies`` and what it holds stay as they were."""

import sys

from .. import agencies as _agencies

sys.modules[__name__] = _agencies
