"""What the pages of a monitoring window say: a notice once, and the console's «who handed in» in words
that cannot be misread (late hand-ins apart from those not handed in after the deadline)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from mentoring.models import Programme
from reports.models import WindowSubmission
from reports.windows.selectors import window_submission_summary
from reports.windows.services import window_open, window_submit

from ..conftest import client_for
from .test_region_windows import region_tree  # noqa: F401  (the fixture)


def _programme(organization, year: int) -> Programme:
    return Programme.objects.select_related("organization", "academic_year").get(
        organization=organization, academic_year__start_year=year
    )


@pytest.mark.django_db
def test_handing_in_before_the_window_opens_says_so_once(region_tree):  # noqa: F811 - the fixture
    year, region, _municipalities, schools, curators, methodist = region_tree
    today = timezone.localdate()
    opens = today + timedelta(days=5)
    window = window_open(
        actor=methodist,
        opener=region,
        academic_year=_programme(region, year).academic_year,
        title="Мониторинг",
        opens_on=opens,
        deadline=opens + timedelta(days=10),
        as_of=opens,
    )
    kwargs = {"org": schools["north-1"].slug, "year": year, "window": window.pk}
    client = client_for(curators["north-1"])
    page = client.post(reverse("reports:window_submit", kwargs=kwargs), {"comment": ""}, follow=True)
    assert page.status_code == 200
    assert page.content.decode().count(f"Сбор открывается {opens:%d.%m.%Y}.") == 1
    assert not WindowSubmission.objects.exists()


@pytest.mark.django_db
def test_the_console_tells_late_hand_ins_from_those_not_handed_in(region_tree):  # noqa: F811 - the fixture
    """«80 % сдали: 4 из 5 · 2 с опозданием» counted a school that had not handed in among the «2»."""
    year, region, _municipalities, schools, curators, methodist = region_tree
    today = timezone.localdate()
    window = window_open(
        actor=methodist,
        opener=region,
        academic_year=_programme(region, year).academic_year,
        title="Мониторинг",
        opens_on=today - timedelta(days=10),
        deadline=today + timedelta(days=2),
        as_of=today - timedelta(days=10),
    )
    window_submit(actor=curators["north-1"], window=window, programme=_programme(schools["north-1"], year))
    # the deadline passes: one school hands in late, one never does
    window.deadline = today - timedelta(days=1)
    window.save(update_fields=["deadline"])
    window_submit(actor=curators["south-1"], window=window, programme=_programme(schools["south-1"], year))
    summary = window_submission_summary(region, academic_year=window.academic_year)
    assert (summary.submitted, summary.expected) == (2, 3)
    assert (summary.submitted_late, summary.overdue) == (1, 1)
    page = client_for(methodist).get(reverse("reports:console", kwargs={"org": region.slug, "year": year}))
    html = " ".join(page.content.decode().split())
    assert "сдали с опозданием: 1" in html
    assert "не сдали, срок прошёл: 1" in html
    assert "1 с опозданием" not in html and "2 с опозданием" not in html
