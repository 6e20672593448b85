"""gunicorn settings, read from the working directory (/app in the image) by every gunicorn command.

The access log keeps no query string and no referrer: search forms put pupils' names in the query
string. See mentoring/log_privacy.py. Options given on the command line still win.
"""

import os

# Forwarded headers (X-Forwarded-Proto: https) are believed only from the TLS proxy: loopback (the
# health check, a proxy on the same host) and whatever FORWARDED_ALLOW_IPS adds (compose: the network
# gateway the host's proxy comes from). Django reads no forwarded header itself (no
# SECURE_PROXY_SSL_HEADER): request.is_secure() is what gunicorn decided; the sign-in lock-out reads
# X-Forwarded-For only from the same addresses (mentoring/signin.py).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS") or "127.0.0.1,::1"

logger_class = "mentoring.log_privacy.GunicornLogger"
# Apache "common" plus the time taken, with the path only (%(U)s) instead of the request line (%(r)s).
access_log_format = '%(h)s %(l)s %(u)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(b)s %(M)sms'
