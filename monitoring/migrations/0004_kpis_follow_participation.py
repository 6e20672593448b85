"""Two shared KPIs follow the participation rule (``participants/participation.py``):

- «Доля обучающихся … вовлечённых» counts learners who take part as a mentee OR as a mentor (a student
  who mentors is involved too): its numerator becomes ``pupils_involved``;
- «Согласия на обработку ПДн собраны» divides by the participants whose data is kept: an anonymised
  record still counts as a participant, but nobody can collect its consent.
"""

from django.db import migrations

CHANGES = [
    ("pupils_in_mentoring", "numerator", "pupil_mentees", "pupils_involved"),
    ("consents_collected", "denominator", "participants", "participants_with_data"),
]


def forwards(apps, schema_editor):
    Indicator = apps.get_model("monitoring", "Indicator")
    for key, field, old, new in CHANGES:
        Indicator.objects.filter(organization=None, key=key, **{field: old}).update(**{field: new})


def backwards(apps, schema_editor):
    Indicator = apps.get_model("monitoring", "Indicator")
    for key, field, old, new in CHANGES:
        Indicator.objects.filter(organization=None, key=key, **{field: new}).update(**{field: old})


class Migration(migrations.Migration):
    dependencies = [("monitoring", "0003_seed_indicators")]

    operations = [migrations.RunPython(forwards, backwards)]
