"""Holds N idle keep-alive connections to a sandbox for a while: each connects and sends nothing.
Prints `held N` on standard error once they are open (or `failed ...`), then waits.

    python3 idle_connections.py http://127.0.0.1:PORT 10000 SECONDS
"""
import resource
import socket
import sys
import time
from urllib.parse import urlparse

url, count, seconds = urlparse(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
wanted = count + 64
if soft < wanted:
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(wanted, hard), hard))
held = []
try:
    for _ in range(count):
        held.append(socket.create_connection((url.hostname, url.port)))
except OSError as error:
    print(f"failed after {len(held)}: {error}", file=sys.stderr, flush=True)
print(f"held {len(held)}", file=sys.stderr, flush=True)
time.sleep(seconds)
