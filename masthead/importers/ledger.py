"""What each import has already made: source id → target object (ImportedObject).

Its own module because both sides use it: the runner, and the content and member importers the
runner drives (which import nothing from the runner).
"""

from .models import ImportedObject


def remembered(namespace, kind, source_id):
    return ImportedObject.objects.filter(
        namespace=namespace, kind=kind, source_id=str(source_id)[:200]
    ).first()


def remember(*, namespace, kind, source_id, target, checksum, run, data=None, now):
    """Record (or update) that `source_id` is now `target`."""
    values = {
        "target_type": target._meta.label_lower if target is not None else "",
        "target_id": str(target.pk) if target is not None else "",
        "checksum": checksum,
        "run": run if run.pk and not run._state.adding and not run.dry_run else None,
        "updated_at": now,
        "data": data or {},
    }
    obj, created = ImportedObject.objects.update_or_create(
        namespace=namespace,
        kind=kind,
        source_id=str(source_id)[:200],
        defaults=values,
        create_defaults={**values, "created_at": now},
    )
    return obj
