"""Closed-model maximum throughput with wrk and benchmarks/authorization.lua."""
import json
import os
import resource
import subprocess
import threading
import time

LUA = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "authorization.lua")
THREADS = 2
CONNECTIONS = 16


def run(url, duration_s, sample=None):
    """One wrk run; `sample` is called about every half second while it runs (e.g. to read the RSS)."""
    children_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    command = ["wrk", f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{duration_s}s", "--timeout", "5s", "-s", LUA, url]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    stop = threading.Event()

    def sampler():
        while not stop.wait(0.5):
            sample()

    thread = threading.Thread(target=sampler, daemon=True) if sample else None
    if thread:
        thread.start()
    try:
        out, err = process.communicate(timeout=duration_s + 60)
    finally:
        stop.set()
        if thread:
            thread.join()
    children_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    line = next((l for l in out.splitlines() if l.startswith("WRK_JSON ")), None)
    if process.returncode != 0 or line is None:
        raise RuntimeError(f"wrk failed ({process.returncode}): {err.strip()} {out.strip()}")
    result = json.loads(line[len("WRK_JSON "):])
    seconds = result["durationUs"] / 1e6
    created = result["statuses"].get("201", 0)
    result["createdPerSecond"] = created / seconds
    # wrk's own CPU: it shares the cores with the gateway, so this is CPU the gateway did not get.
    result["wrkCpuSeconds"] = (children_after.ru_utime + children_after.ru_stime
                               - children_before.ru_utime - children_before.ru_stime)
    result["otherShare"] = (result["requests"] - created) / result["requests"] if result["requests"] else 1.0
    return result


def warm(url, duration_s):
    run(url, duration_s)
    time.sleep(1)
