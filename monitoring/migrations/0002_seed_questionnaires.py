from django.db import migrations


def seed(apps, schema_editor):
    from monitoring.defaults import questionnaires

    questionnaires.seed(apps)


class Migration(migrations.Migration):
    dependencies = [("monitoring", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
