"""Roadmap benchmarks: importing a 100-event Word roadmap, and the SQL queries of the roadmap page."""

from __future__ import annotations

import io
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from common import best_of, count_queries, test_database  # noqa: E402  after the sys.path line above


def _docx_read_reference(data: bytes) -> None:
    """What any reader must do at least: open the document and read every cell's text."""
    from docx import Document

    for table in Document(io.BytesIO(data)).tables:
        for row in table.rows:
            for cell in row.cells:
                _ = cell.text


def run():
    from django.test import Client

    from roadmap.table_reading import read_roadmap
    from tests.roadmap.documents import roadmap_docx

    data = roadmap_docx(events=100, sections=5)
    parsed = read_roadmap(data, "roadmap.docx", 2025)
    assert parsed.events_count == 100, parsed.events_count
    ours = best_of(lambda: _preview(data))
    reference = best_of(lambda: _docx_read_reference(data))
    yield {
        "measure": "roadmap_import_100",
        "value": round(ours, 4),
        "unit": "s",
        "reference": "python_docx_read_cells",
        "reference_value": round(reference, 4),
        "ratio": round(ours / reference, 2),
        "target": "< 1 s",
    }

    with test_database():
        from mentoring.models import Membership, Organization, Role, User
        from mentoring.services import programme_create
        from tests.roadmap.test_roadmap_pages import make_roadmap

        counts: dict[int, int] = {}
        for events in (10, 100):
            organization = Organization.objects.create(
                name=f"Школа {events}", short_name=f"Школа {events}", slug=f"roadmap-{events}"
            )
            programme = programme_create(actor=None, organization=organization, start_year=2025)
            user = User.objects.create(username=f"roadmap-curator{events}")
            Membership.objects.create(user=user, organization=organization, role=Role.CURATOR)
            make_roadmap(programme, events, responsible=user)
            client = Client()
            client.force_login(user)
            path = f"/o/{organization.slug}/2025/roadmap/"
            client.get(path)
            counts[events] = count_queries(lambda c=client, p=path: c.get(p))
        for events, queries in counts.items():
            yield {
                "measure": f"roadmap_page_queries_{events}",
                "value": queries,
                "unit": "queries",
                "reference": "roadmap_page_queries_10",
                "reference_value": counts[10],
                "ratio": round(queries / counts[10], 2),
            }


def _preview(data: bytes) -> None:
    """Parse and build the preview the curator sees (without a request or a database)."""
    from roadmap.table_reading import read_roadmap

    parsed = read_roadmap(data, "roadmap.docx", 2025)
    parsed.as_json(2025)
