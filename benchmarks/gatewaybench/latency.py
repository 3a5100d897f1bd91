"""Figure 2: the gateway's own latency at a fixed rate with the open-model driver (loadtest/driver)."""
import json
import subprocess

from . import stats

PERCENTILES = (("p50", "p50Ms"), ("p99", "p99Ms"), ("p99.9", "p999Ms"))


DRIVER_WARMUP_S = 3


def drive(java, driver_jar, base, rate, duration_s, options=()):
    """One driver run; a run the system could not keep up with is a result too, with its reason.

    `options` are more driver arguments, e.g. ("--connections", "500")."""
    command = [java, "-jar", driver_jar, "--rate", str(rate), "--duration", f"{duration_s}s", "--target", base, "--json",
               *options]
    out = subprocess.run(command, capture_output=True, text=True, timeout=duration_s + 180, check=False)
    line = next((l for l in out.stdout.splitlines() if l.startswith("{")), None)
    if out.returncode != 0 or line is None:
        reason = next((l for l in out.stderr.splitlines() if "Exception" in l), out.stderr.strip()[-300:])
        return {"error": reason}
    return json.loads(line)


def measure(java, driver_jar, gateway, rate, processor_latency_ms, runs, duration_s):
    """Every sandbox answer takes exactly processor_latency_ms, so end-to-end minus it is the overhead."""
    gateway.set_processor_latency(processor_latency_ms)
    try:
        drive(java, driver_jar, gateway.base, rate, 5)  # warms the new latency path
        # Each run is a fresh driver JVM; its own warm-up keeps its JIT out of the gateway's figures.
        results = [drive(java, driver_jar, gateway.base, rate, duration_s, options=("--warmup", f"{DRIVER_WARMUP_S}s"))
                   for _ in range(runs)]
    finally:
        gateway.set_processor_latency(0)
    done = [r for r in results if "error" not in r]
    figures = {"rate": rate, "processorLatencyMs": processor_latency_ms, "driverWarmupS": DRIVER_WARMUP_S, "runs": results,
               "runsAttempted": len(results), "errors": [r["error"] for r in results if "error" in r]}
    for name, key in PERCENTILES:
        figures[name] = stats.summary([r[key] - processor_latency_ms for r in done]) if done else None
    figures["failedShare"] = max((r["failed"] + (r["sent"] - r["completed"])) / r["sent"] for r in done) if done else None
    figures["achievedRate"] = stats.summary([r["ratePerSecond"] for r in done]) if done else None
    return figures
