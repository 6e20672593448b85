"""A real Celery worker killed (SIGKILL) in the middle of a report and of a matching run.

The job must finish after a new worker starts: exactly one result file, no duplicate pairs. Redis hands
the unacknowledged message to the new worker after CELERY_VISIBILITY_TIMEOUT (3 s here, 1 h in use).
The first worker sleeps JOB_PROGRESS_TEST_DELAY seconds after each progress report, so that the kill
lands mid-way; the second runs at full speed. Needs REDIS_URL and PostgreSQL, like the worker test.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from importlib import import_module
from pathlib import Path

import pytest
from django.conf import settings

from mentoring.access import Scope, access_for
from mentoring.celery import app
from mentoring.models import Job, Role
from reports.registry import XLSX, registry
from reports.services import report_start
from tests.factories import MembershipFactory, UserFactory

from .test_celery_worker import _database_url

ROOT = Path(__file__).resolve().parents[2]
VISIBILITY = 3

pytestmark = [
    pytest.mark.integration,
    pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs REDIS_URL pointing at a real Redis"),
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith("postgres"),
        reason="the worker process must share the test database: needs PostgreSQL",
    ),
]


@pytest.fixture
def queue():
    """A queue of this test's own, so that no other worker takes its messages."""
    name = f"faults-{uuid.uuid4().hex[:8]}"
    previous = app.conf.task_default_queue
    app.conf.task_default_queue = name
    yield name
    app.conf.task_default_queue = previous


class Worker:
    def __init__(self, queue: str, log: Path, *, delay: float) -> None:
        env = {
            **os.environ,
            "DATABASE_URL": _database_url(),
            "CELERY_QUEUE": queue,
            "MEDIA_ROOT": str(settings.MEDIA_ROOT),
            "DATABASE_CONN_MAX_AGE": "0",
            "CELERY_VISIBILITY_TIMEOUT": str(VISIBILITY),
            "JOB_PROGRESS_TEST_DELAY": str(delay),
        }
        self.log = log
        self.handle = log.open("a")
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "mentoring",
                "worker",
                "--pool=solo",
                "-Q",
                queue,
                "--without-heartbeat",
                "--without-gossip",
                "--without-mingle",
                "-l",
                "info",
            ],
            cwd=ROOT,
            env=env,
            stdout=self.handle,
            stderr=subprocess.STDOUT,
        )

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=30)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self.handle.close()

    def output(self) -> str:
        return self.log.read_text()[-4000:]


def _wait_for(job_pk, predicate, worker: Worker, timeout: float = 90) -> tuple:
    deadline = time.monotonic() + timeout
    state = None
    while time.monotonic() < deadline:
        state = tuple(Job.objects.filter(pk=job_pk).values_list("status", "progress", "attempts").get())
        if predicate(state):
            return state
        assert worker.process.poll() is None, worker.output()
        time.sleep(0.05)
    raise AssertionError(f"timed out in state {state}: {worker.output()}")


def _kill_mid_way_then_restart(job: Job, queue: str, tmp_path: Path) -> tuple[tuple, tuple, str]:
    first = Worker(queue, tmp_path / "worker1.log", delay=1.0)
    try:
        mid = _wait_for(job.pk, lambda s: s[0] == Job.Status.RUNNING and s[1] > 0, first)
        first.kill()
    finally:
        first.stop()
    killed_at = tuple(Job.objects.filter(pk=job.pk).values_list("status", "progress", "attempts").get())
    assert killed_at[0] == Job.Status.RUNNING and killed_at[1] < 100, killed_at
    assert not Job.objects.get(pk=job.pk).result_file
    began = time.monotonic()
    second = Worker(queue, tmp_path / "worker2.log", delay=0)
    try:
        final = _wait_for(job.pk, lambda s: s[0] in (Job.Status.DONE, Job.Status.FAILED), second)
        recovery = time.monotonic() - began
        time.sleep(VISIBILITY + 2)  # a second delivery, if there were one, would run now
        final = tuple(Job.objects.filter(pk=job.pk).values_list("status", "progress", "attempts").get())
    finally:
        second.stop()
    print(f"killed at {mid}, recovered in {recovery:.1f} s")  # shown with -s
    return mid, final, second.output()


@pytest.mark.django_db(transaction=True)
def test_worker_killed_mid_report_finishes_with_one_file(school, programme, curator, queue, tmp_path):
    for index in range(200):
        MembershipFactory(organization=school, role=Role.MENTOR, user=UserFactory(username=f"k{index}"))
    scope = Scope(organization=school, programme=programme, access=access_for(curator, school))
    job = report_start(user=curator, scope=scope, report=registry.get("members"), fmt=XLSX, options={})

    _mid, final, output = _kill_mid_way_then_restart(job, queue, tmp_path)

    job.refresh_from_db()
    assert final == (Job.Status.DONE, 100, 2), (final, job.error, output)
    folder = Path(settings.MEDIA_ROOT) / "jobs" / str(school.pk) / str(job.pk)
    assert [path.name for path in folder.iterdir()] == [Path(job.result_file.name).name]
    assert job.result_file.size > 0


@pytest.mark.django_db(transaction=True)
def test_worker_killed_mid_matching_finishes_without_duplicate_pairs(programme, curator, queue, tmp_path):
    from pairing.matching_runs import run_accept, run_start
    from pairing.models import GroupMember, MatchingRun, MentoringForm, MentoringGroup
    from tests.pairing.test_groups import pupil, teacher

    if not MentoringForm.objects.exists():  # a transactional test empties the tables the migrations filled
        from django.apps import apps

        import_module("pairing.migrations.0002_seed_forms").seed(apps, None)
    for index in range(6):
        teacher(programme, f"Учителева{index}", capacity=2)
    for index in range(12):
        pupil(programme, f"Ученик{index}")
    school = programme.organization
    scope = Scope(organization=school, programme=programme, access=access_for(curator, school))
    form = MentoringForm.objects.get(key="teacher_pupil")
    run = run_start(user=curator, scope=scope, form=form, options={})

    _mid, final, output = _kill_mid_way_then_restart(run.job, queue, tmp_path)

    assert final == (Job.Status.DONE, 100, 2), (final, output)
    assert MatchingRun.objects.filter(job=run.job).count() == 1
    run.refresh_from_db()
    proposals = [(pair["mentee"], pair["mentor"]) for pair in run.result["pairs"]]
    assert len(proposals) == 12 and len({mentee for mentee, _ in proposals}) == 12
    created, refused = run_accept(actor=curator, run=run, pairs=proposals)
    assert len(created) == 12 and refused == []
    created, refused = run_accept(actor=curator, run=run, pairs=proposals)  # accepted twice
    assert created == [] and len(refused) == 12
    assert MentoringGroup.objects.filter(programme=programme).count() == 12
    mentees = GroupMember.objects.filter(group__programme=programme, role=GroupMember.Role.MENTEE)
    assert mentees.count() == mentees.values("person").distinct().count() == 12
