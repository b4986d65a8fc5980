"""Where settings come from: the project's folders and its environment.

`env` (environs) reads the process environment, after a `.env` file in the
project's root when there is one.
"""

from pathlib import Path

from environs import Env

PROJECT_DIR = Path(__file__).resolve().parent.parent.parent
BASE_DIR = PROJECT_DIR.parent

env = Env()
env.read_env(BASE_DIR / ".env", recurse=False)
