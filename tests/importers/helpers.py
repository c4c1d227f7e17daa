import io

from django.core.management import call_command


def run_import(command, *args):
    out = io.StringIO()
    call_command(command, *[str(a) for a in args], stdout=out, stderr=io.StringIO())
    return out.getvalue()
