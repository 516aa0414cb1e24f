"""Gunicorn settings for one SAKIP app server (`gunicorn -c deploy/gunicorn.conf.py`).

Every app server is stateless: sessions, cache and the letter register live in PostgreSQL,
evidence and rendered documents on shared storage (NFS mount or S3 via django-storages). Run
as many of these as the load needs behind one nginx (see nginx.conf.example)."""

from __future__ import annotations

import multiprocessing
import os

wsgi_app = "sakip.wsgi:application"
bind = os.environ.get("SAKIP_BIND", "127.0.0.1:8000")
# Two workers per core is gunicorn's usual advice; PDF rendering is CPU bound, so threads
# add little. SAKIP_WORKERS overrides it (the benchmark uses 2 on a 2-core machine).
# Measured there (50 Locust users, PostgreSQL and Locust on the same 2 cores): 2 sync
# workers 63.8 req/s, p95 730 ms, p99 840 ms; 2 workers x 4 threads (gthread,
# SAKIP_THREADS=4) 62.3 req/s, p95 830 ms, p99 1.9 s. The work is CPU bound under the GIL,
# so threads only lengthen the tail; sync workers stay the default.
workers = int(os.environ.get("SAKIP_WORKERS", multiprocessing.cpu_count() * 2))
threads = int(os.environ.get("SAKIP_THREADS", 1))
# The LAKIP PDF of a large office takes a few seconds to render the first time.
timeout = int(os.environ.get("SAKIP_TIMEOUT", 120))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then so a leak in a PDF library cannot grow without bound.
max_requests = 2000
max_requests_jitter = 200
# nginx terminates TLS and sets X-Forwarded-Proto; only trust it from the proxy.
forwarded_allow_ips = os.environ.get("SAKIP_FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = os.environ.get("SAKIP_ACCESS_LOG", "-")
# The combined format plus the time spent in the app server (milliseconds).
access_log_format = '%(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s" %(M)sms'
errorlog = "-"
loglevel = os.environ.get("SAKIP_GUNICORN_LOG_LEVEL", "info")
# gunicorn opens a control socket for `gunicornc` at one path per user by default, so two app
# servers on one machine (two instances, or a new one started beside the old) would take it
# from each other. SAKIP does not need it: off, unless SAKIP_CONTROL_SOCKET names this
# server's own path.
if os.environ.get("SAKIP_CONTROL_SOCKET"):
    control_socket = os.environ["SAKIP_CONTROL_SOCKET"]
else:
    control_socket_disable = True
