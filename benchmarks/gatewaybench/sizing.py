"""Figure 6: pods for the 45K authorizations/s peak with 30% headroom and a zone lost, from figures 1 and 4 and the
capacity figure."""
import math

PEAK = 45_000
HEADROOM = 1.3
POD_CPU = 2
POD_MEMORY_MIB = 1024
# Each processor's limit on calls in flight (voyager.processors.<name>.max-in-flight, default) and Stripe's share
# of the production mix: USD and JPY take the default route (stripe first), 55% + 5%.
MAX_IN_FLIGHT = 1000
STRIPE_SHARE = 0.60
# Pods spread evenly over this many availability zones; losing one must leave the peak itself served.
ZONES = 3


def slow_capacity(capacity):
    """(latency ms, new design's capacity there) at the slowest latency the capacity figure measured, or None."""
    if not capacity:
        return None
    results = capacity["results"]["new"]
    latency_ms = max(capacity["latenciesMs"])
    measured = results.get(str(latency_ms))
    return (latency_ms, measured["capacity"]) if measured and measured["capacity"] else None


def plan(throughput, profile, capacity=None, limit=None):
    measured = throughput["authorize"]["median"]
    target = PEAK * HEADROOM
    cpu_ms = throughput["cpuMsPerAuthorization"]["median"]
    if limit and limit.get("cpuMsPerAuthorization"):
        # Measured on the gateway JVM alone, its processors in another JVM: what a pod spends.
        gateway_cpu_ms, gateway_cpu_source = limit["cpuMsPerAuthorization"]["median"], "standalone"
    elif profile:
        gateway_cpu_ms, gateway_cpu_source = cpu_ms * (1 - profile["sandboxShare"]), "profile"
    else:
        gateway_cpu_ms, gateway_cpu_source = None, None
    # Upper bound: a 2 vCPU pod spending all of it on the gateway's own CPU per authorization.
    per_pod_by_cpu = POD_CPU * 1000 / gateway_cpu_ms if gateway_cpu_ms else None
    rss_mib = throughput["rssUnderLoadKb"]["max"] / 1024 if throughput["rssUnderLoadKb"] else None
    slow = slow_capacity(capacity)
    # Conservative: on the benchmark machine the gateway shared its 2 cores with its load driver and the sandbox
    # processors. The per-pod rate is the lower of figure 1 (processors at once) and the capacity with processors
    # answering at the slowest latency measured (p99 and error bounds held).
    per_pod = min(measured, slow[1]) if slow else measured
    pods_for_headroom = math.ceil(target / per_pod)
    # With one zone gone the others carry the peak until the autoscaler catches up.
    pods_for_zone_loss = math.ceil(PEAK / (per_pod * (ZONES - 1) / ZONES))
    pods = ZONES * math.ceil(max(pods_for_headroom, pods_for_zone_loss) / ZONES)
    # Little's law: Stripe calls in flight = rate x share x latency must stay under the limit.
    limit_binds_above_ms = 1000 * MAX_IN_FLIGHT / (STRIPE_SHARE * per_pod)
    return {
        "peak": PEAK, "headroom": HEADROOM, "target": target,
        "perPodAtOnce": measured, "perPod": per_pod, "pods": pods, "zones": ZONES,
        "podsForHeadroom": pods_for_headroom, "podsForZoneLoss": pods_for_zone_loss,
        "slowLatencyMs": slow[0] if slow else None, "perPodAtSlowLatency": slow[1] if slow else None,
        "jvmCpuMsPerAuthorization": cpu_ms, "gatewayCpuMsPerAuthorization": gateway_cpu_ms,
        "gatewayCpuSource": gateway_cpu_source,
        "perPodByCpu": per_pod_by_cpu,
        "podsByCpu": math.ceil(target / per_pod_by_cpu) if per_pod_by_cpu else None,
        "rssUnderLoadMib": rss_mib, "podMemoryMib": POD_MEMORY_MIB,
        "maxInFlight": MAX_IN_FLIGHT, "stripeShare": STRIPE_SHARE,
        "limitBindsAboveMs": limit_binds_above_ms,
        "stripeInFlightAt300Ms": per_pod * STRIPE_SHARE * 0.3,
    }
