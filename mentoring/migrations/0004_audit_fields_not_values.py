"""The audit trail keeps which fields changed, never their values nor a person's name.

Existing rows are rewritten: ``changes`` becomes the list of field names (``fields``); counts and
codes of imports and exports move to ``details`` (text is dropped); an object's description, which
could name a person, is emptied for rows that point to a record (the journal shows its kind and
number instead); the actor's name is kept as a snapshot; the people a row concerns are recorded.
"""

import re

from django.db import migrations, models

SAFE = re.compile(r"^[A-Za-z0-9_.:\-]{0,80}$")
METADATA_TARGETS = {"participants.Import"}
METADATA_ACTIONS = {"export", "download"}
KEPT_LIST_LABELS = {
    "Mentee base", "Mentor base", "People without a consent",
    "База наставляемых", "База наставников", "Люди без согласия",
}
PROFILE_MODELS = {
    "participants.MenteeProfile": ("participants", "MenteeProfile"),
    "participants.MentorProfile": ("participants", "MentorProfile"),
    "participants.Consent": ("participants", "Consent"),
}


def _safe(value):
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, str):
        return value if SAFE.match(value) else None
    if isinstance(value, list | tuple):
        return [item for item in (_safe(item) for item in value) if item is not None]
    if isinstance(value, dict):
        kept = {str(key): _safe(item) for key, item in value.items()}
        return {key: item for key, item in kept.items() if item is not None}
    return None


def forwards(apps, schema_editor):
    AuditEvent = apps.get_model("mentoring", "AuditEvent")
    User = apps.get_model("mentoring", "User")
    names = {
        user.pk: " ".join(part for part in (user.last_name, user.first_name, user.patronymic) if part)
        or user.username
        for user in User.objects.all()
    }
    person_of = {}
    for label, (app, model) in PROFILE_MODELS.items():
        person_of[label] = dict(apps.get_model(app, model).objects.values_list("pk", "person_id"))
    batch = []
    for event in AuditEvent.objects.all().iterator(chunk_size=1000):
        changes = event.changes if isinstance(event.changes, dict) else {}
        if event.action in METADATA_ACTIONS or event.target_type in METADATA_TARGETS:
            event.fields = []
            event.details = _safe(changes) or {}
        else:
            event.fields = sorted(str(key) for key in changes)
            event.details = {}
        if event.target_id:
            event.target_repr = ""
        elif event.target_type == "participants.Person" and event.target_repr not in KEPT_LIST_LABELS:
            event.target_repr = ""
        elif event.target_type in METADATA_TARGETS:
            event.target_repr = ""
        event.actor_name = names.get(event.actor_id, "")[:300]
        people = []
        if event.target_type == "participants.Person" and event.target_id.isdigit():
            people = [int(event.target_id)]
        elif event.target_type in person_of and event.target_id.isdigit():
            found = person_of[event.target_type].get(int(event.target_id))
            people = [found] if found else []
        event.people = f" {' '.join(str(pk) for pk in people)} " if people else ""
        batch.append(event)
        if len(batch) >= 1000:
            AuditEvent.objects.bulk_update(batch, ["fields", "details", "target_repr", "actor_name", "people"])
            batch = []
    if batch:
        AuditEvent.objects.bulk_update(batch, ["fields", "details", "target_repr", "actor_name", "people"])


class Migration(migrations.Migration):

    dependencies = [
        ('mentoring', '0003_signin_event'),
        ('participants', '0002_networking_preferences'),
    ]

    operations = [
        migrations.AddField(
            model_name='auditevent',
            name='actor_name',
            field=models.CharField(blank=True, max_length=300, verbose_name='who (name at the time)'),
        ),
        migrations.AddField(
            model_name='auditevent',
            name='details',
            field=models.JSONField(blank=True, default=dict, verbose_name='details'),
        ),
        migrations.AddField(
            model_name='auditevent',
            name='fields',
            field=models.JSONField(blank=True, default=list, verbose_name='changed fields'),
        ),
        migrations.AddField(
            model_name='auditevent',
            name='people',
            field=models.TextField(blank=True, editable=False, verbose_name='people concerned (ids)'),
        ),
        migrations.RunPython(forwards, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name='auditevent',
            name='changes',
        ),
        migrations.AlterField(
            model_name='auditevent',
            name='action',
            field=models.CharField(choices=[('create', 'Created'), ('update', 'Changed'), ('delete', 'Deleted'), ('export', 'Exported'), ('download', 'Downloaded'), ('view', 'Viewed'), ('erase', 'Erased after withdrawal of consent')], max_length=16, verbose_name='action'),
        ),
    ]
