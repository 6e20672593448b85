"""gunicorn settings, read from the working directory (/app in the image) by every gunicorn command.

The access log keeps no query string and no referrer: search forms put pupils' names in the query
string. See mentoring/log_privacy.py. Options given on the command line still win.
"""

logger_class = "mentoring.log_privacy.GunicornLogger"
# Apache "common" plus the time taken, with the path only (%(U)s) instead of the request line (%(r)s).
access_log_format = '%(h)s %(l)s %(u)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(b)s %(M)sms'
