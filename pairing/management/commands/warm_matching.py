"""python manage.py warm_matching

Compiles the matching engine's kernels (numba) into their cache, or loads them from it, so that the
first matching after a deploy does not wait about a minute for the compiler. Run at the image's build
(Dockerfile), when a worker starts (docker-compose.yml) and in CI before the tests (.ci/run). The cache
is ``NUMBA_CACHE_DIR`` when set (the image: /app/var/numba), else ``pairing/__pycache__``.
"""

import os
from typing import Any

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from pairing import warm


class Command(BaseCommand):
    help = "Compile the matching engine's kernels into their cache (or load them) before the first run."

    def handle(self, *args: Any, **options: Any) -> None:
        done = warm.warm()
        where = os.environ.get("NUMBA_CACHE_DIR") or "pairing/__pycache__"
        self.stdout.write(
            _("Matching engine ready in %(seconds)s s (compiled code cached in %(where)s).")
            % {"seconds": f"{done.seconds:.1f}", "where": where}
        )
