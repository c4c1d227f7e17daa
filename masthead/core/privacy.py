"""A member's data across apps: what "download my data" includes and what deleting an account does.

Each app that keeps personal data registers an exporter (returns JSON-able data) and, where
it must act before the account row goes, an eraser. Apps register in their AppConfig.ready();
this module never imports their models.
"""

_exporters = {}
_erasers = {}


def register(section, *, export=None, erase=None):
    if export:
        _exporters[section] = export
    if erase:
        _erasers[section] = erase


def export_sections():
    return dict(_exporters)


def erasers():
    return dict(_erasers)
