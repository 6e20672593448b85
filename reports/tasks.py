from celery import shared_task

from .services import report_build


@shared_task(
    name="reports.tasks.build_report", acks_late=True, reject_on_worker_lost=True, ignore_result=True
)
def build_report(job_id: str) -> None:
    report_build(job_id=job_id)


@shared_task(name="reports.tasks.send_window_reminders", ignore_result=True, acks_late=True)
def send_window_reminders() -> int:
    """Daily (Celery beat): remind the organisations that have not handed in an open window's figures."""
    from django.utils import timezone

    from .windows.reminders import send_window_reminders as send

    return send(today=timezone.localdate())


@shared_task(name="reports.tasks.freeze_order_pdf", acks_late=True, ignore_result=True)
def freeze_order_pdf(order_id: int) -> None:
    """Right after an order is signed: its PDF, laid out from the Word copy kept at the signing."""
    from .orders.services import order_freeze_pdf

    order_freeze_pdf(order_id=order_id)
