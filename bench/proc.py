"""CPU time of the load test's processes, read from /proc (Linux).

The load test shares two cores between gunicorn, PostgreSQL and Locust, so wall time per
request mostly measures the queue. What a request costs is the CPU its processes spent:
user + system time of the gunicorn master and its workers (and of workers it recycled,
which the master has reaped), and the same for every PostgreSQL process (backends that
ended are counted by the postmaster that reaped them). Counting starts and stops around a
phase of the load test; divided by the requests the access log saw in that phase, it gives
milliseconds of CPU per request for the app server and for the database."""

from __future__ import annotations

import os
from pathlib import Path

TICK_MS = 1000 / os.sysconf("SC_CLK_TCK")


def _stat(pid: int) -> tuple[str, int, int, int] | None:
    """(name, parent pid, own CPU ticks, reaped children's CPU ticks) of a process."""
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    name = raw[raw.index("(") + 1 : raw.rindex(")")]
    fields = raw[raw.rindex(")") + 2 :].split()
    # fields[0] is field 3 (state): ppid is field 4, utime..cstime are fields 14..17.
    utime, stime, cutime, cstime = (int(v) for v in fields[11:15])
    return name, int(fields[1]), utime + stime, cutime + cstime


def _processes() -> dict[int, tuple[str, int, int, int]]:
    out = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit() and (stat := _stat(int(entry))) is not None:
            out[int(entry)] = stat
    return out


def _tree(procs: dict, root: int) -> set[int]:
    members, grew = {root}, True
    while grew:
        grew = False
        for pid, (_, ppid, _, _) in procs.items():
            if ppid in members and pid not in members:
                members.add(pid)
                grew = True
    return members & procs.keys()


def cpu_ms(root: int) -> float:
    """CPU milliseconds spent so far by process `root`, its descendants and the children
    they reaped."""
    procs = _processes()
    members = _tree(procs, root)
    ticks = sum(procs[p][2] for p in members)
    ticks += procs[root][3] if root in procs else 0
    return ticks * TICK_MS


def postgres_cpu_ms() -> float:
    """CPU milliseconds spent so far by every PostgreSQL process on this machine (the
    postmaster counts the backends it reaped)."""
    procs = _processes()
    postmasters = [
        pid for pid, (name, ppid, _, _) in procs.items() if name == "postgres" and ppid == 1
    ]
    total = 0
    for root in postmasters:
        members = _tree(procs, root)
        total += sum(procs[p][2] for p in members) + procs[root][3]
    return total * TICK_MS
