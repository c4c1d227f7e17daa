"""The `masthead` console command: manage.py for an installed Masthead.

    masthead migrate
    masthead worker
    masthead set_site_url

Installed by `pip install masthead` ([project.scripts] in pyproject.toml); it runs with the same
settings module and environment variables as manage.py.
"""

import os
import sys


def main(argv=None):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "masthead.settings")
    # After the settings module is chosen: Django reads it when management starts.
    from django.core.management import execute_from_command_line

    execute_from_command_line(list(argv) if argv is not None else sys.argv)


if __name__ == "__main__":
    main()
