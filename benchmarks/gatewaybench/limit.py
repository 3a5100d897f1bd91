"""Figure 1, second part: the gateway against the route-shape limit, both calling the standalone sandbox.

The gateway JVM (its own sandbox off) and the route-limit program (plain Vert.x, one outbound call per request)
serve the same wrk load, alternating, against the same standalone sandbox at latency 0. The gateway's JVM then
does only the gateway's work, so its CPU per authorization needs no profile share."""
import time

from . import stats, wrk
from .throughput import AUTHORIZE


def timed(server, sandbox, duration_s):
    """One wrk run against server with the CPU server and sandbox spent on it."""
    server_before, sandbox_before = server.cpu_seconds(), sandbox.cpu_seconds()
    run = wrk.run(server.base + AUTHORIZE, duration_s)
    created = run["statuses"].get("201", 0)
    run["cpuMsPer201"] = 1000 * (server.cpu_seconds() - server_before) / created if created else None
    run["sandboxCpuMsPer201"] = 1000 * (sandbox.cpu_seconds() - sandbox_before) / created if created else None
    run["wrkCpuMsPerRequest"] = 1000 * run["wrkCpuSeconds"] / max(1, run["requests"])
    return run


def measure(gateway, limit, sandbox, runs, duration_s, warmup_s):
    """Alternates route-limit and gateway runs so both see the same machine; returns per-run and median figures."""
    wrk.warm(gateway.base + AUTHORIZE, warmup_s)
    wrk.warm(limit.base + AUTHORIZE, max(5, warmup_s // 2))
    time.sleep(2)
    pairs = []
    for _ in range(runs):
        route = timed(limit, sandbox, duration_s)
        authorize = timed(gateway, sandbox, duration_s)
        pairs.append({
            "limit": route,
            "authorize": authorize,
            "ratio": authorize["createdPerSecond"] / route["createdPerSecond"] if route["createdPerSecond"] else None,
        })

    def summary(values):
        values = [v for v in values if v is not None]
        return stats.summary(values) if values else None

    return {
        "sandboxLatencyMs": 0,
        "limitEventLoops": limit.event_loops, "limitPool": limit.pool,
        "runs": pairs,
        "authorize": stats.summary([p["authorize"]["createdPerSecond"] for p in pairs]),
        "limit": stats.summary([p["limit"]["createdPerSecond"] for p in pairs]),
        "ratio": summary([p["ratio"] for p in pairs]),
        "non201Share": max(p["authorize"]["otherShare"] for p in pairs),
        "limitNon201Share": max(p["limit"]["otherShare"] for p in pairs),
        # The gateway JVM alone: the processors' side of each call is in the standalone sandbox's JVM.
        "cpuMsPerAuthorization": summary([p["authorize"]["cpuMsPer201"] for p in pairs]),
        "limitCpuMsPerRequest": summary([p["limit"]["cpuMsPer201"] for p in pairs]),
        "sandboxCpuMsPerAuthorization": summary([p["authorize"]["sandboxCpuMsPer201"] for p in pairs]),
        "sandboxCpuMsPerLimitRequest": summary([p["limit"]["sandboxCpuMsPer201"] for p in pairs]),
        "wrkCpuMsPerAuthorization": summary([p["authorize"]["wrkCpuMsPerRequest"] for p in pairs]),
        "wrkCpuMsPerLimitRequest": summary([p["limit"]["wrkCpuMsPerRequest"] for p in pairs]),
    }
