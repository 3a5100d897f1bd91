"""Figure 1 (authorizations/s against the baseline route) with figure 4's RSS samples and CPU per request."""
import time

from . import stats, wrk

AUTHORIZE = "/v1/authorizations"
BASELINE = "/sandbox/baseline"


def measure(gateway, runs, duration_s, warmup_s):
    """Alternates baseline and authorization runs so both see the same machine; returns per-run figures."""
    wrk.warm(gateway.base + AUTHORIZE, warmup_s)
    wrk.warm(gateway.base + BASELINE, max(5, warmup_s // 2))
    time.sleep(2)
    rss_after_warmup = gateway.rss_kb()
    rss_under_load = []
    pairs = []
    for _ in range(runs):
        cpu_before = gateway.cpu_seconds()
        baseline = wrk.run(gateway.base + BASELINE, duration_s)
        baseline_cpu = gateway.cpu_seconds() - cpu_before
        cpu_before = gateway.cpu_seconds()
        authorize = wrk.run(gateway.base + AUTHORIZE, duration_s, sample=lambda: rss_under_load.append(gateway.rss_kb()))
        cpu = gateway.cpu_seconds() - cpu_before
        created = authorize["statuses"].get("201", 0)
        pairs.append({
            "baseline": baseline,
            "authorize": authorize,
            "ratio": authorize["createdPerSecond"] / baseline["createdPerSecond"],
            # Whole JVM (gateway and its in-process sandbox processors) per authorization.
            "cpuMsPerAuthorization": 1000 * cpu / created if created else None,
            "cpuMsPerBaselineRequest": 1000 * baseline_cpu / baseline["statuses"].get("201", 1),
            "wrkCpuMsPerAuthorization": 1000 * authorize["wrkCpuSeconds"] / max(1, authorize["requests"]),
            "wrkCpuMsPerBaselineRequest": 1000 * baseline["wrkCpuSeconds"] / max(1, baseline["requests"]),
        })
    return {
        "runs": pairs,
        "authorize": stats.summary([p["authorize"]["createdPerSecond"] for p in pairs]),
        "baseline": stats.summary([p["baseline"]["createdPerSecond"] for p in pairs]),
        "ratio": stats.summary([p["ratio"] for p in pairs]),
        "non201Share": max(p["authorize"]["otherShare"] for p in pairs),
        "cpuMsPerAuthorization": stats.summary([p["cpuMsPerAuthorization"] for p in pairs if p["cpuMsPerAuthorization"]]),
        "cpuMsPerBaselineRequest": stats.summary([p["cpuMsPerBaselineRequest"] for p in pairs]),
        "wrkCpuMsPerAuthorization": stats.summary([p["wrkCpuMsPerAuthorization"] for p in pairs]),
        "wrkCpuMsPerBaselineRequest": stats.summary([p["wrkCpuMsPerBaselineRequest"] for p in pairs]),
        "rssAfterWarmupKb": rss_after_warmup,
        "rssUnderLoadKb": stats.summary(rss_under_load) if rss_under_load else None,
    }
