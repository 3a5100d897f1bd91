"""Gateway capacity at a processor latency: the highest open-model rate that keeps p99 and errors within bounds.

A step search with the open-model driver (loadtest/driver) against one gateway JVM whose processors are the
standalone sandbox, every answer delayed by the figure's latency: start at START_RATE, multiply by GROWTH until a step fails (or divide
until one passes), then bisect between the highest passing and the lowest failing rate."""
import http.client
import json
import math
import os
import resource
import time
import urllib.error
import urllib.request

from . import latency, usage, wrk
from .throughput import AUTHORIZE

LATENCIES_MS = (50, 150, 300)
START_RATE = 250
GROWTH = 1.4
MIN_RATE = 10
MAX_RATE = 40_000
# A step passes with p99 under the processor latency plus this, and at most this share of answers other than 2xx
# (failed, shed by the driver or never answered count as not 2xx).
P99_MARGIN_MS = 150
MAX_NOT_OK_SHARE = 0.001
# Driver connections: the concurrency a passing step can need (rate x latency bound), with room.
CONNECTION_HEADROOM = 1.5
MIN_CONNECTIONS = 64
MAX_CONNECTIONS = 10_000
# The gateway's breakers stay open 5 s after a failing step; wait that out, then close them with trial calls.
BREAKER_DELAY_S = 6
SETTLE_TIMEOUT_S = 30
PAUSE_S = 1
# CPU samples count from this long after the driver's exec (its JVM start) to the end of its send window.
DRIVER_START_S = 1.5
# Each step's driver is a fresh JVM: its first seconds (JIT, connection setup) add hundreds of ms to p99 whatever
# the gateway does, so every step first sends this long at its own rate, unmeasured.
DRIVER_WARMUP_S = 3
# CPU-bound: at the lowest failing rate the machine's cores were at least this busy.
CPU_BOUND_SHARE = 0.9
ROUTE_CURRENCIES = ("USD", "EUR", "BRL")  # one per route: stripe, adyen, mercadopago first
PROBE_BODY = ('{"merchantId":"m_loadtest","reference":"settle-%s","amount":{"value":1299,"currency":"%s"},'
              '"paymentMethod":{"token":"tok_approved"}}')


def connections_for(rate, latency_ms):
    wanted = rate * (latency_ms + P99_MARGIN_MS) / 1000 * CONNECTION_HEADROOM
    return int(min(MAX_CONNECTIONS, max(MIN_CONNECTIONS, math.ceil(wanted))))


def verdict(run, latency_ms):
    """(passed, reason) for one driver run."""
    if "error" in run:
        return False, f"driver: {run['error'][:160]}"
    sent = run["sent"]
    not_ok = (sent - run["succeeded"]) / sent if sent else 1.0
    run["notOkShare"] = not_ok
    bound = latency_ms + P99_MARGIN_MS
    if run["p99Ms"] >= bound:
        return False, f"p99 {run['p99Ms']:.0f} ms >= {bound} ms"
    if not_ok > MAX_NOT_OK_SHARE:
        return False, f"{100 * not_ok:.2f}% not 2xx"
    return True, "ok"


def step(java, driver_jar, gateway, sandbox, rate, duration_s, latency_ms):
    """One driver run at `rate`, with the verdict and the CPU cores each process used meanwhile."""
    connections = connections_for(rate, latency_ms)
    children_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with usage.Usage({"gateway": gateway, "sandbox": sandbox}) as cpu:
        run = latency.drive(java, driver_jar, gateway.base, rate, duration_s,
                            options=("--connections", str(connections), "--warmup", f"{DRIVER_WARMUP_S}s"))
    children_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    passed, reason = verdict(run, latency_ms)
    measured_from = DRIVER_START_S + DRIVER_WARMUP_S
    cores = cpu.cores(measured_from, measured_from + duration_s - usage.INTERVAL_S)
    cores["other"] = max(0.0, cores.get("machine", 0) - cores.get("gateway", 0) - cores.get("sandbox", 0))
    return {
        "rate": rate, "passed": passed, "reason": reason, "connections": connections, "cores": cores,
        # The driver's JVM over the whole step, its start and drain included.
        "driverCpuS": (children_after.ru_utime + children_after.ru_stime
                       - children_before.ru_utime - children_before.ru_stime),
        "run": {k: v for k, v in run.items() if k != "versions"},
    }


def search(probe, start=START_RATE, growth=GROWTH, bisections=2, max_steps=16, max_rate=MAX_RATE, min_rate=MIN_RATE):
    """Step search over `probe(rate) -> step dict`; returns (highest passing, lowest failing, steps)."""
    steps, passed, failed = [], None, None
    rate = start
    while len(steps) < max_steps:
        result = probe(rate)
        steps.append(result)
        if result["passed"]:
            passed = rate
            if failed is not None:
                break
            rate = round(rate * growth)
            if rate > max_rate:
                break
        else:
            failed = rate
            if passed is not None:
                break
            rate = round(rate / growth)
            if rate < min_rate:
                break
    for _ in range(bisections):
        if passed is None or failed is None or len(steps) >= max_steps:
            break
        middle = round((passed + failed) / 2)
        if middle in (passed, failed):
            break
        result = probe(middle)
        steps.append(result)
        if result["passed"]:
            passed = middle
        else:
            failed = middle
    return passed, failed, steps


def breaker_states(gateway):
    """The processors' breaker states from the readiness check, e.g. {'stripe': 'breaker closed'}."""
    try:
        with urllib.request.urlopen(gateway.base + "/q/health/ready", timeout=5) as r:
            health = json.load(r)
    except urllib.error.HTTPError as e:  # 503 while a check is down still carries the checks
        health = json.load(e)
    except (urllib.error.URLError, OSError, ValueError):
        return {}
    states = {}
    for check in health.get("checks", []):
        for name, value in (check.get("data") or {}).items():
            if isinstance(value, str) and value.startswith("breaker"):
                states[name] = value
    return states


def authorize_once(gateway, currency, attempt):
    connection = http.client.HTTPConnection("127.0.0.1", gateway.port, timeout=10)
    try:
        connection.request("POST", "/v1/authorizations", body=PROBE_BODY % (attempt, currency), headers={
            "Content-Type": "application/json", "Idempotency-Key": f"settle-{os.getpid()}-{attempt}",
            "Authorization": "Bearer " + os.environ.get("MERCHANT_API_KEY", "vk_test_voyager_sandbox")})
        return connection.getresponse().status
    except OSError:
        return None
    finally:
        connection.close()


def settle(gateway):
    """After a failing step: wait out the breakers' open delay and close them with trial calls on each route."""
    time.sleep(BREAKER_DELAY_S)
    deadline = time.monotonic() + SETTLE_TIMEOUT_S
    attempt = 0
    while time.monotonic() < deadline:
        states = breaker_states(gateway)
        if all(s == "breaker closed" for s in states.values()):
            return True
        for currency in ROUTE_CURRENCIES:
            attempt += 1
            authorize_once(gateway, currency, f"{time.time_ns()}-{attempt}")
        time.sleep(0.5)
    return False


def measure(java, driver_jar, gateway, sandbox, latency_ms, duration_s, warmup_s, bisections, max_steps, log=print):
    """Warm-up, then the step search at the processor latency; the capacity is the highest passing rate (0 if none).

    The warm-up is wrk (closed model, as fast as the gateway answers) with the sandbox at 0 ms, so the gateway's
    hot paths are compiled before the first step whatever its capacity; then the sandbox's fault knob sets
    `latency_ms` on every processor."""
    sandbox.set_processor_latency(0)
    wrk.warm(gateway.base + AUTHORIZE, warmup_s)
    sandbox.set_processor_latency(latency_ms)
    settle(gateway)

    def probe(rate):
        result = step(java, driver_jar, gateway, sandbox, rate, duration_s, latency_ms)
        c = result["cores"]
        run = result["run"]
        p99 = f"p99 {run['p99Ms']:.0f} ms, " if "p99Ms" in run else ""
        log(f"    {rate} req/s: {'pass' if result['passed'] else 'fail'} ({p99}{result['reason']}); cores gateway "
            f"{c.get('gateway', 0):.2f}, sandbox {c.get('sandbox', 0):.2f}, machine {c.get('machine', 0):.2f}")
        if result["passed"]:
            time.sleep(PAUSE_S)
        else:
            result["settled"] = settle(gateway)
        return result

    passed, failed, steps = search(probe, bisections=bisections, max_steps=max_steps)
    at = {s["rate"]: s for s in steps}
    return {
        "latencyMs": latency_ms, "capacity": passed or 0,
        # No failing step within the step limit: the capacity is only a lower bound.
        "lowerBound": failed is None, "firstFailed": failed,
        "atCapacity": at.get(passed), "atFirstFailed": at.get(failed), "steps": steps,
    }


def cpu_bound(result, cores):
    """True when the machine's cores were (nearly) all busy at the lowest failing rate; None if none failed."""
    failing = result.get("atFirstFailed")
    if not failing or "machine" not in failing["cores"]:
        return None
    return failing["cores"]["machine"] >= CPU_BOUND_SHARE * cores


def summarize(capacity, cores):
    """Per latency: old and new capacity, their ratio, new against new at the lowest latency; and the goal."""
    rows = []
    first = capacity["latenciesMs"][0]
    new_first = capacity["results"]["new"][str(first)]["capacity"]
    for latency_ms in capacity["latenciesMs"]:
        old = capacity["results"].get("old", {}).get(str(latency_ms))
        new = capacity["results"]["new"][str(latency_ms)]
        rows.append({
            "latencyMs": latency_ms,
            "old": old["capacity"] if old else None,
            "new": new["capacity"],
            "newOverOld": new["capacity"] / old["capacity"] if old and old["capacity"] else None,
            "newOverNewAtFirst": new["capacity"] / new_first if new_first else None,
            "newCpuBound": cpu_bound(new, cores),
            "oldCpuBound": cpu_bound(old, cores) if old else None,
        })
    last = rows[-1]
    all_cpu_bound = all(r["newCpuBound"] for r in rows)
    flat = last["newOverNewAtFirst"] is not None and last["newOverNewAtFirst"] >= 0.8
    return {"rows": rows, "allNewCpuBound": all_cpu_bound, "lastWithin20Percent": flat,
            "goalMet": bool(all_cpu_bound and flat)}
