"""The seeded coverage indicator no longer names an age band in its title: the band is a setting, inherited
from the authority or region (0007), so «10–18 лет» in the name could contradict the band counted (10–19).
Only rows still carrying the seeded title are renamed; a title a school wrote itself is left alone."""

from django.db import migrations

OLD = "Доля обучающихся 10–18 лет, вовлечённых в программу наставничества"
NEW = "Доля обучающихся целевого возраста, вовлечённых в программу наставничества"


def rename(apps, schema_editor):
    apps.get_model("monitoring", "Indicator").objects.filter(key="pupils_in_mentoring", name=OLD).update(name=NEW)


def restore(apps, schema_editor):
    apps.get_model("monitoring", "Indicator").objects.filter(key="pupils_in_mentoring", name=NEW).update(name=OLD)


class Migration(migrations.Migration):
    dependencies = [
        ("monitoring", "0007_kpi_age_band_inherited"),
    ]

    operations = [migrations.RunPython(rename, restore)]
