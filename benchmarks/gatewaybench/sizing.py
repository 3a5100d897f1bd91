"""Figure 6: pods for the 45K authorizations/s peak with 30% headroom, from figures 1 and 4."""
import math

PEAK = 45_000
HEADROOM = 1.3
POD_CPU = 2
POD_MEMORY_MIB = 1024
# Each processor adapter's @Bulkhead (voyager.processors.<name>.max-concurrent) and Stripe's share of the
# production mix: USD and JPY take the default route (stripe first), 55% + 5%.
BULKHEAD = 64
STRIPE_SHARE = 0.60


def plan(throughput, profile):
    measured = throughput["authorize"]["median"]
    # Conservative: on the benchmark machine the gateway shared its 2 cores with wrk and the sandbox processors.
    pods = math.ceil(PEAK * HEADROOM / measured)
    cpu_ms = throughput["cpuMsPerAuthorization"]["median"]
    gateway_cpu_ms = cpu_ms * (1 - profile["sandboxShare"]) if profile else None
    # Upper bound: a 2 vCPU pod spending all of it on the gateway's own CPU per authorization.
    per_pod_by_cpu = POD_CPU * 1000 / gateway_cpu_ms if gateway_cpu_ms else None
    rss_mib = throughput["rssUnderLoadKb"]["max"] / 1024 if throughput["rssUnderLoadKb"] else None
    return {
        "peak": PEAK, "headroom": HEADROOM, "perPod": measured, "target": PEAK * HEADROOM,
        "pods": pods,
        "jvmCpuMsPerAuthorization": cpu_ms, "gatewayCpuMsPerAuthorization": gateway_cpu_ms,
        "perPodByCpu": per_pod_by_cpu,
        "podsByCpu": math.ceil(PEAK * HEADROOM / per_pod_by_cpu) if per_pod_by_cpu else None,
        "rssUnderLoadMib": rss_mib, "podMemoryMib": POD_MEMORY_MIB,
        "bulkhead": BULKHEAD, "stripeShare": STRIPE_SHARE,
        # Little's law: Stripe calls in flight = rate x share x latency must stay under the bulkhead.
        "bulkheadBindsAboveMs": 1000 * BULKHEAD / (STRIPE_SHARE * measured),
    }
