"""Staff edits in the admin of data that no service writes (tax rates, commission plans, destination rules,
consents ...): each add, change and delete, inline rows included, is recorded in the audit log with
{field: [before, after]}. Where a service performs a write, the admin calls it instead and the service
records it."""

from django.db import models
from django.forms import BaseForm
from django.utils.text import camel_case_to_spaces

from audit.masking import number_masked
from audit.services import audit_record
from nzila_export.field_encryption import SealedText


class AuditedAdminMixin:
    """Put before admin.ModelAdmin. Actions: "<entity>.staff_create", "<entity>.staff_edit" and
    "<entity>.staff_delete", the entity being the model's name in snake case (TaxRate: tax_rate). A field
    in `audit_hidden_fields` (an account or phone number, of the model or its inlines) is recorded by its
    last 4 characters only."""

    audit_hidden_fields: tuple[str, ...] = ()

    def save_model(self, request, obj, form, change):
        changes = _form_changes(form=form, hidden=self.audit_hidden_fields, adding=not change)
        super().save_model(request, obj, form, change)
        if changes or not change:
            _record(instance=obj, verb="staff_edit" if change else "staff_create", changes=changes, user=request.user)

    def delete_model(self, request, obj):
        _record_deletion(instance=obj, hidden=self.audit_hidden_fields, user=request.user)
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            _record_deletion(instance=obj, hidden=self.audit_hidden_fields, user=request.user)
        super().delete_queryset(request, queryset)

    def save_formset(self, request, form, formset, change):
        """Inline rows: deletions are recorded while the row still exists, additions once it has its id."""
        deleted = set(formset.deleted_forms) if formset.can_delete else set()
        hidden = self.audit_hidden_fields
        saved = []
        for row in formset.forms:
            if row in deleted:
                if row.instance.pk is not None:  # as stored: the form has put what was posted on the instance
                    stored = type(row.instance)._base_manager.get(pk=row.instance.pk)
                    _record_deletion(instance=stored, hidden=hidden, user=request.user)
            elif row.has_changed():
                adding = row.instance.pk is None
                saved.append((row, adding, _form_changes(form=row, hidden=hidden, adding=adding)))
        super().save_formset(request, form, formset, change)
        for row, adding, changes in saved:
            if changes:
                verb = "staff_create" if adding else "staff_edit"
                _record(instance=row.instance, verb=verb, changes=changes, user=request.user)


def _form_changes(*, form: BaseForm, hidden: tuple[str, ...] = (), adding: bool = False) -> dict:
    """{field: [before, after]} of the model's fields the form changed (all it holds when `adding`),
    as JSON values; a field in `hidden` is masked."""
    names = {field.name for field in form.instance._meta.get_fields()}
    changed = form.cleaned_data if adding else form.changed_data
    changes = {}
    for name in changed:
        if name not in names or name not in form.cleaned_data:
            continue
        before = None if adding else form.get_initial_for_field(form.fields[name], name)
        after = form.cleaned_data[name]
        if name in hidden:
            before, after = masked(before), masked(after)
        else:
            before, after = _plain(before), _plain(after)
        if before != after and not (adding and after in (None, "", [], {})):
            changes[name] = [before, after]
    return changes


def _record(*, instance: models.Model, verb: str, changes: dict, user) -> None:
    entity = camel_case_to_spaces(type(instance).__name__).replace(" ", "_")
    audit_record(action=f"{entity}.{verb}", instance=instance, user=user, changes=changes)


def _record_deletion(*, instance: models.Model, hidden: tuple[str, ...], user) -> None:
    """What the row held, each field as [value, None]."""
    changes = {}
    for field in instance._meta.concrete_fields:
        value = field.value_from_object(instance)
        changes[field.name] = [masked(value) if field.name in hidden else _plain(value), None]
    _record(instance=instance, verb="staff_delete", changes=changes, user=user)


def masked(value) -> str | None:
    """An account or phone number as audit.masking shows one: its last 4 characters, if it has 8 or more."""
    if isinstance(value, SealedText):
        return value.masked()
    if value is None or str(value) == "":
        return None
    return number_masked(value)


def _plain(value):
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, SealedText):  # an encrypted field that is not in audit_hidden_fields: masked all the same
        return value.masked()
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple | set | models.QuerySet):
        items = [_plain(item) for item in value]
        is_relation = isinstance(value, set | models.QuerySet) or any(isinstance(item, models.Model) for item in value)
        return sorted(items, key=str) if is_relation else items  # a relation's order means nothing
    return str(value)
