"""Make, list and revoke API keys from the shell.

    manage.py api_key create --name "Slack bot" --scope members:read --scope newsroom:read
    manage.py api_key create --name "Website" --content        # a Content API key
    manage.py api_key list
    manage.py api_key revoke "Slack bot"

`create` prints the key once; only its hash is kept.
"""

from django.core.management.base import BaseCommand, CommandError

from ...errors import ApiRefused
from ...models import ApiKey
from ...scopes import ALL_SCOPES
from ...services import api_key_create, api_key_revoke


class Command(BaseCommand):
    help = "Create, list or revoke API keys (content keys, and admin keys with scopes)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create", help="Make a key and print it (once).")
        create.add_argument("--name", required=True)
        create.add_argument(
            "--scope",
            action="append",
            dest="scopes",
            default=[],
            help=f"An admin key's scope; repeat for more. One of: {', '.join(ALL_SCOPES)}.",
        )
        create.add_argument("--content", action="store_true", help="A Content API key (no scopes).")
        revoke = sub.add_parser("revoke", help="Revoke the active key with this name.")
        revoke.add_argument("name")
        sub.add_parser("list", help="List keys (never the keys themselves).")

    def handle(self, *args, action, **options):
        try:
            if action == "create":
                kind = ApiKey.Kind.CONTENT if options["content"] else ApiKey.Kind.ADMIN
                key, raw = api_key_create(name=options["name"], kind=kind, scopes=options["scopes"])
                self.stderr.write(f"Created {key.kind} key {key.name!r}. It is shown only now:")
                self.stdout.write(raw)
            elif action == "revoke":
                key = api_key_revoke(name=options["name"])
                self.stdout.write(f"Revoked {key.name!r}.")
            else:
                for key in ApiKey.objects.order_by("name"):
                    state = f"revoked {key.revoked_at:%Y-%m-%d}" if key.revoked_at else "active"
                    scopes = ",".join(key.scopes) or "-"
                    self.stdout.write(f"{key.name}\t{key.kind}\t{key.prefix}…\t{scopes}\t{state}")
        except ApiRefused as refusal:
            raise CommandError(refusal.message) from refusal
