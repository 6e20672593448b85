from django.db import migrations


def seed(apps, schema_editor):
    from monitoring.defaults import indicators

    indicators.seed(apps)


class Migration(migrations.Migration):
    dependencies = [("monitoring", "0002_seed_questionnaires")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
