from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone
from django.utils.translation import gettext as _

from demo.organisations import DEMO_PASSWORD
from demo.seed import seed_demo


class Command(BaseCommand):
    help = "Create the demo municipality (idempotent: a second run changes nothing)."

    def handle(self, *args: Any, **options: Any) -> None:
        today = timezone.localdate()
        logins = seed_demo(today=today)
        self.stdout.write(self.style.SUCCESS(_("Demo data is ready.")))
        self.stdout.write(_("Demo accounts (password for all: %(password)s):") % {"password": DEMO_PASSWORD})
        width = max(len(login) for login, _name, _roles in logins)
        for login, name, roles in logins:
            self.stdout.write(f"  {login.ljust(width)}  {name} — {roles}")
        self.stdout.write(_("Open http://127.0.0.1:8000 and log in, for example as curator1."))
