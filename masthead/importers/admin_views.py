"""The import pages in the Wagtail admin: upload an export (a dry run first), read its report,
start the real import and watch it. Thin: services do the work, the worker runs it."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import services
from .errors import ExportError
from .forms import ImportForm
from .models import ImportRun

MESSAGES_SHOWN = 500


def _require(request):
    if not request.user.has_perm("importers.add_importrun"):
        raise PermissionDenied


def index(request):
    _require(request)
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        kind, source = form.kind_and_source()
        path = services.store_upload(form.cleaned_data["file"])
        try:
            run = services.import_run_create(
                kind=kind, source=source, path=path, options=form.options(), dry_run=True, actor=request.user
            )
        except ExportError as error:
            services.import_run_delete_file(run=ImportRun(file_path=str(path)))
            form.add_error("file", str(error))
        else:
            services.import_run_enqueue(run=run)
            return redirect("importers_run", pk=run.pk)
    runs = ImportRun.objects.select_related("created_by")[:50]
    return TemplateResponse(request, "importers/admin/index.html", {"form": form, "runs": runs})


def run_detail(request, pk):
    _require(request)
    run = get_object_or_404(ImportRun, pk=pk)
    context = {
        "run": run,
        "counts": sorted((kind, sorted(n.items())) for kind, n in (run.counts or {}).items()),
        "messages_list": run.messages.all()[:MESSAGES_SHOWN],
        "message_count": run.messages.count(),
        "active": run.status in (ImportRun.Status.QUEUED, ImportRun.Status.RUNNING),
    }
    template = (
        "importers/admin/progress.html"
        if request.GET.get("part") == "progress"
        else "importers/admin/run.html"
    )
    return TemplateResponse(request, template, context)


@require_POST
def run_start(request, pk):
    _require(request)
    dry = get_object_or_404(ImportRun, pk=pk, dry_run=True, status=ImportRun.Status.FINISHED)
    try:
        run = services.import_run_from_dry_run(run=dry, actor=request.user)
    except ExportError as error:
        messages.error(request, str(error))
        return redirect("importers_run", pk=dry.pk)
    services.import_run_enqueue(run=run)
    messages.success(request, _("The import has started."))
    return redirect("importers_run", pk=run.pk)


@require_POST
def run_resume(request, pk):
    _require(request)
    run = get_object_or_404(ImportRun, pk=pk)
    services.import_run_resume(run=run, actor=request.user)
    return redirect("importers_run", pk=run.pk)
