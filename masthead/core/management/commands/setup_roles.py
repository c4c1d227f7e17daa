from django.core.management.base import BaseCommand

from masthead.core.roles import ROLES, roles_sync


class Command(BaseCommand):
    help = (
        "Create the newsroom's staff groups (Editors, Writers, Moderators, Door staff, Finance) and set "
        "each one's permissions to the definition in masthead/core/roles.py. Safe to run again."
    )

    def handle(self, *args, **options):
        roles_sync()
        for name, (purpose, *_rest) in ROLES.items():
            self.stdout.write(f"{name}: {purpose}")
