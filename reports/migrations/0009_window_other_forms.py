"""Windows opened before «другие формы»: the column is added to their frozen layout, and each snapshot
gets its cells, derived from what was handed in (exact: the form columns and «не в парах» split «Всего»)."""

from django.db import migrations


def forwards(apps, schema_editor):
    from reports.statistics import calc as statistics

    window_model = apps.get_model("reports", "MonitoringWindow")
    submission_model = apps.get_model("reports", "WindowSubmission")
    for window in window_model.objects.all():
        old = statistics.layout_from_data(window.layout)
        new = statistics.complete(old)
        if new is old:
            continue
        for submission in submission_model.objects.filter(window=window):
            data = dict(submission.data or {})
            if "parts" not in data:
                continue
            parts = statistics.complete_parts(old, data["parts"])
            data["parts"] = parts
            data["cells"] = [
                [
                    part[0] if not row.is_percent else statistics.percentage(part[0], part[1])
                    for part in row_parts
                ]
                for row, row_parts in zip(new.rows, parts, strict=True)
            ]
            submission.data = data
            submission.save(update_fields=["data"])
        window.layout = statistics.layout_to_data(new)
        window.save(update_fields=["layout"])


class Migration(migrations.Migration):
    dependencies = [("reports", "0008_russian_field_names")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
