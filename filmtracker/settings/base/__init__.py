"""Settings shared by every environment, one module per concern.

Every environment variable is read in this package, once, through environs
(filmtracker/tests/test_settings_read_once.py holds it): `dev`, `test` and
`production` read none, they only change defaults and switch features on or
off. What only production applies is read in `deployment`.
"""

from .accounts import *  # noqa: F403
from .api import *  # noqa: F403
from .core import *  # noqa: F403
from .data import *  # noqa: F403
from .deployment import *  # noqa: F403
from .environment import *  # noqa: F403
from .logs import *  # noqa: F403
from .security import *  # noqa: F403
from .services import *  # noqa: F403
from .site import *  # noqa: F403
