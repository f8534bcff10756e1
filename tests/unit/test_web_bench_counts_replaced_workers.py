"""The web bench counts the CPU of every worker, also one gunicorn replaced mid-run."""

import subprocess
import sys
import time

from bank.bench.web import server_cpu_seconds

# A "server" that starts a worker, lets it burn CPU and exit (reaped), then idles.
SERVER = """
import subprocess, sys, time
worker = subprocess.Popen([sys.executable, "-c",
    "import time\\nend = time.process_time() + 0.3\\nwhile time.process_time() < end: pass"])
worker.wait()
print("replaced", flush=True)
time.sleep(30)
"""


def test_a_replaced_workers_cpu_time_still_counts():
    server = subprocess.Popen([sys.executable, "-c", SERVER], stdout=subprocess.PIPE, text=True)
    try:
        assert server.stdout is not None
        assert server.stdout.readline().strip() == "replaced"
        time.sleep(0.05)
        assert server_cpu_seconds(server.pid) >= 0.25
    finally:
        server.kill()
        server.wait()
        server.stdout.close()
