"""Runs the gateway benchmarks (figures 1-4 and 6, the capacity figure and the first seconds of a fresh pod of
docs/benchmarks.md) and rewrites their sections.

Called by ./bench.sh after it has built the jars; see ./bench.sh --help. --figures runs only some figures: the
others keep their figures from the previous results.json in --workdir, and their sections of the doc are left alone.
"""
import argparse
import datetime
import json
import os
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from gatewaybench import (capacity, coldstart, firstseconds, latency, limit, machine, profile, report,  # noqa: E402
                          sizing, throughput, wrk)
from gatewaybench.gateway import Gateway, free_port  # noqa: E402
from gatewaybench.routelimit import RouteLimit  # noqa: E402
from gatewaybench.sandbox import StandaloneSandbox  # noqa: E402

JDK17 = "/usr/lib/jvm/java-17-openjdk-amd64"
JDK25 = "/usr/lib/jvm/temurin-25-jdk-amd64"
HEAP = "768m"
PROCESSOR_LATENCY_MS = 20
# The goal is stated at half of the maximum; a quarter shows the overhead with the cores less contended.
LATENCY_SHARES_OF_MAX = (0.5, 0.25)
# throughput: figure 1 (with the route-shape limit), 4 and 6; latency: figure 2; coldstart: figure 3; firstseconds: the
# first 30 s of a fresh pod.
FIGURES = ("throughput", "capacity", "latency", "coldstart", "firstseconds")
MODES = {
    # runs, wrk seconds, warm-up seconds, latency runs, latency seconds, cold-start runs, AOT training seconds;
    # capacity: seconds per step, warm-up seconds, bisections after the first failing step, most steps per search;
    # firstseconds: starts per variant, seconds per measured run (the figure is about 30), unmeasured seconds between
    # the fresh and the warm run (so the warm one comes after 60 s of traffic), the sandbox JVM's warm-up seconds
    "short": dict(runs=3, duration=10, warmup=15, latency_runs=3, latency_duration=15, cold_runs=3, training=10,
                  capacity_duration=6, capacity_warmup=6, capacity_bisections=2, capacity_max_steps=16,
                  first_starts=3, first_duration=30, first_settle=30, first_sandbox_warmup=10),
    # Checks the harness end to end in a few minutes; its figures mean nothing.
    "smoke": dict(runs=1, duration=3, warmup=3, latency_runs=1, latency_duration=3, cold_runs=1, training=3,
                  capacity_duration=2, capacity_warmup=2, capacity_bisections=0, capacity_max_steps=3,
                  first_starts=1, first_duration=5, first_settle=2, first_sandbox_warmup=3),
    "full": dict(runs=5, duration=20, warmup=30, latency_runs=5, latency_duration=30, cold_runs=5, training=20,
                 capacity_duration=10, capacity_warmup=10, capacity_bisections=2, capacity_max_steps=16,
                 first_starts=5, first_duration=30, first_settle=30, first_sandbox_warmup=15),
}
# The documented sandbox test key; the driver reads it from the environment (./bench.sh exports it too).
os.environ.setdefault("MERCHANT_API_KEY", "vk_test_voyager_sandbox")


def log(message):
    print(f"[bench {datetime.datetime.now():%H:%M:%S}] {message}", flush=True)


def parse_figures(text):
    figures = [f.strip() for f in text.split(",") if f.strip()]
    unknown = [f for f in figures if f not in FIGURES]
    if unknown or not figures:
        raise argparse.ArgumentTypeError(f"figures are {', '.join(FIGURES)} (comma-separated), not {text!r}")
    return [f for f in FIGURES if f in figures]


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mode", choices=MODES, default="full")
    parser.add_argument("--figures", type=parse_figures, default=list(FIGURES),
                        help=f"comma-separated, of {','.join(FIGURES)} (default: all)")
    parser.add_argument("--app", help="fast-jar directory (quarkus-run.jar) of the gateway under test")
    parser.add_argument("--aot-app", help="aot-jar directory (quarkus-run.jar); for coldstart")
    parser.add_argument("--prod-app", help="fast-jar directory of the production build; for firstseconds")
    parser.add_argument("--old-app", help="fast-jar directory of the old design's gateway; for capacity")
    parser.add_argument("--old-rev", default="unknown", help="the commit --old-app was built from, for the text")
    parser.add_argument("--driver", help="load-driver.jar; for latency, capacity and firstseconds")
    parser.add_argument("--limit-jar", help="benchmarks/route-limit/target/route-limit.jar; for throughput")
    parser.add_argument("--doc", required=True, help="docs/benchmarks.md to update")
    parser.add_argument("--workdir", help="logs, JFR recording, AOT cache and results.json")
    parser.add_argument("--render", metavar="RESULTS_JSON", help="only rewrite the doc from a saved results.json")
    args = parser.parse_args()
    if args.render:
        with open(args.render, encoding="utf-8") as f:
            saved = json.load(f)
        if saved.get("throughput"):
            # The sizing is arithmetic on the saved figures: recomputed, so a change to it shows without a re-run.
            saved["sizing"] = sizing.plan(saved["throughput"], saved.get("profile"), saved.get("capacity"),
                                          saved.get("limit"))
        write_doc(args.doc, saved)
        return
    figures = args.figures
    needed = [("--app", args.app, True), ("--workdir", args.workdir, True),
              ("--aot-app", args.aot_app, "coldstart" in figures),
              ("--old-app", args.old_app, "capacity" in figures),
              ("--prod-app", args.prod_app, "firstseconds" in figures),
              ("--driver", args.driver, bool({"latency", "capacity", "firstseconds"} & set(figures))),
              ("--limit-jar", args.limit_jar, "throughput" in figures)]
    missing = [flag for flag, value, wanted in needed if wanted and not value]
    if missing:
        parser.error(f"{', '.join(missing)} needed for --figures {','.join(figures)}")
    m = MODES[args.mode]
    os.makedirs(args.workdir, exist_ok=True)
    results_path = os.path.join(args.workdir, "results.json")
    results = {}
    if set(figures) != set(FIGURES) and os.path.exists(results_path):
        with open(results_path, encoding="utf-8") as f:
            results = json.load(f)
        log(f"keeping the figures other than {','.join(figures)} from {results_path}")
    if "latency" in figures and "throughput" not in figures and not results.get("throughput"):
        parser.error("latency runs at shares of figure 1's maximum: add throughput, or keep a results.json with it")
    java17 = os.path.join(JDK17, "bin", "java")
    java25 = os.path.join(JDK25, "bin", "java")
    # What this run was: every figure it measures refers to it (results["measured"][figure]).
    meta = {"mode": args.mode, "date": f"{datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC",
            "machine": machine.describe(java17), "loadBefore": machine.load_average()[0],
            "durationS": m["duration"], "latencyDurationS": m["latency_duration"], "trainingS": m["training"],
            "heap": HEAP, "wrk": {"threads": wrk.THREADS, "connections": wrk.CONNECTIONS}}
    results.update(meta)
    measured = results.setdefault("measured", {})
    log(f"mode {args.mode}, figures {','.join(figures)}, load average {meta['loadBefore']:.1f}")

    app_jar = os.path.join(args.app, "quarkus-run.jar")
    if "throughput" in figures or "latency" in figures:
        in_process(args, m, java17, app_jar, figures, results)
    if "throughput" in figures:
        against_limit(args, m, java17, app_jar, results)
    if "capacity" in figures:
        results["capacity"] = capacity_figure(args, m, java17, app_jar, meta["machine"]["cores"])
    if "coldstart" in figures:
        results["coldStart"] = cold_start(args, m, java17, java25, app_jar)
    if "firstseconds" in figures:
        results["firstSeconds"] = first_seconds(args, m, java17, app_jar)
    for figure in figures:
        measured[figure] = meta
    if "throughput" in figures or ("capacity" in figures and results.get("throughput")):
        results["sizing"] = sizing.plan(results["throughput"], results.get("profile"), results.get("capacity"),
                                        results.get("limit"))
    results["sizingInputs"] = sizing_inputs(results)
    meta["loadAfter"] = results["loadAfter"] = machine.load_average()[0]
    with open(results_path, "w", encoding="utf-8") as f:
        json.dump(results, f, indent=2)
    write_doc(args.doc, results, figures)
    log(f"wrote the sections of {','.join(figures)} to {args.doc}, and {results_path}")
    if "sizing" in results and "throughput" in figures:
        log(f"sizing: {results['sizing']['pods']} pods at {results['sizing']['perPod']:.0f}/s per pod")


def in_process(args, m, java17, app_jar, figures, results):
    """Figure 1 (baseline and authorizations, profile, RSS) and figure 2, on one gateway with its own sandbox."""
    with Gateway(java17, app_jar, free_port(), os.path.join(args.workdir, "gateway.log"),
                 jvm_args=[f"-Xmx{HEAP}"]) as gateway:
        gateway.wait_ready()
        if "throughput" in figures:
            log("figure 1 and 4: throughput against the baseline route, RSS")
            results["throughput"] = throughput.measure(gateway, m["runs"], m["duration"], m["warmup"])
            log(f"  authorizations {results['throughput']['authorize']['median']:.0f}/s, "
                f"baseline {results['throughput']['baseline']['median']:.0f}/s, "
                f"ratio {results['throughput']['ratio']['median']:.2f}")
            log("profile: JFR during one more authorization run")
            results["profile"] = profile.record(os.path.join(JDK17, "bin", "jcmd"), os.path.join(JDK17, "bin", "jfr"),
                                                gateway, gateway.base + throughput.AUTHORIZE, m["duration"],
                                                os.path.join(args.workdir, "authorization.jfr"))
        else:
            wrk.warm(gateway.base + throughput.AUTHORIZE, m["warmup"])
        if "latency" not in figures:
            return
        results["latency"] = []
        for share in LATENCY_SHARES_OF_MAX:
            rate = max(1, round(results["throughput"]["authorize"]["median"] * share))
            log(f"figure 2: latency at {rate} req/s ({share:.0%} of max) with {PROCESSOR_LATENCY_MS} ms processor latency")
            figures_ = latency.measure(java17, args.driver, gateway, rate, PROCESSOR_LATENCY_MS,
                                       m["latency_runs"], m["latency_duration"])
            figures_["shareOfMax"] = share
            results["latency"].append(figures_)
            if figures_["p99"]:
                log(f"  overhead p50 {figures_['p50']['median']:.2f} ms, p99 {figures_['p99']['median']:.2f} ms, "
                    f"{len(figures_['errors'])} runs did not drain")
            else:
                log(f"  not sustained: {figures_['errors'][0]}")


def against_limit(args, m, java17, app_jar, results):
    """Figure 1, second part: gateway (own sandbox off) and route-limit against one standalone sandbox at 0 ms."""
    log("figure 1: gateway against the route-shape limit, standalone sandbox at 0 ms")
    with StandaloneSandbox(java17, app_jar, free_port(), os.path.join(args.workdir, "sandbox-0ms.log"), 0,
                           jvm_args=[f"-Xmx{HEAP}"]) as sandbox:
        sandbox.wait_ready()
        with Gateway(java17, app_jar, free_port(), os.path.join(args.workdir, "gateway-standalone.log"),
                     jvm_args=[f"-Xmx{HEAP}"], extra_props=sandbox.gateway_props()) as gateway, \
                RouteLimit(java17, args.limit_jar, free_port(), sandbox.processor_ports["stripe"],
                           os.path.join(args.workdir, "route-limit.log"), jvm_args=[f"-Xmx{HEAP}"]) as route:
            gateway.wait_ready()
            route.wait_ready()
            lim = limit.measure(gateway, route, sandbox, m["runs"], m["duration"], m["warmup"])
    baseline_cpu = results["throughput"]["cpuMsPerBaselineRequest"]["median"]
    if lim["cpuMsPerAuthorization"]:
        lim["cpuPerAuthorizationOverBaseline"] = lim["cpuMsPerAuthorization"]["median"] / baseline_cpu
    results["limit"] = lim
    ratio = f"{lim['ratio']['median']:.2f}" if lim["ratio"] else "–"
    cost = f"{lim['cpuPerAuthorizationOverBaseline']:.2f}x" if "cpuPerAuthorizationOverBaseline" in lim else "–"
    log(f"  route-limit {lim['limit']['median']:.0f}/s, gateway {lim['authorize']['median']:.0f}/s, "
        f"gateway/limit {ratio}; gateway CPU per authorization / per baseline request {cost}")


def capacity_figure(args, m, java17, app_jar, cores):
    """Old and new design at each processor latency, against one standalone sandbox (base latency 0, the
    figure's latency set per processor with the fault knob)."""
    apps = (("old", os.path.join(args.old_app, "quarkus-run.jar")), ("new", app_jar))
    out = {"oldRev": args.old_rev, "latenciesMs": list(capacity.LATENCIES_MS), "startRate": capacity.START_RATE,
           "growth": capacity.GROWTH, "durationS": m["capacity_duration"], "warmupS": m["capacity_warmup"],
           "driverWarmupS": capacity.DRIVER_WARMUP_S,
           "bisections": m["capacity_bisections"], "maxSteps": m["capacity_max_steps"],
           "results": {key: {} for key, _ in apps}}
    with StandaloneSandbox(java17, app_jar, free_port(), os.path.join(args.workdir, "capacity-sandbox.log"), 0,
                           jvm_args=[f"-Xmx{HEAP}"]) as sandbox:
        sandbox.wait_ready()
        for latency_ms in capacity.LATENCIES_MS:
            for key, jar in apps:
                log(f"capacity: {key} design at {latency_ms} ms processor latency")
                # A fresh gateway JVM per design and latency, so no step search inherits another's state.
                with Gateway(java17, jar, free_port(), os.path.join(args.workdir, f"capacity-{key}-{latency_ms}ms.log"),
                             jvm_args=[f"-Xmx{HEAP}"], extra_props=sandbox.gateway_props()) as gateway:
                    gateway.wait_ready()
                    result = capacity.measure(java17, args.driver, gateway, sandbox, latency_ms,
                                              m["capacity_duration"], m["capacity_warmup"], m["capacity_bisections"],
                                              m["capacity_max_steps"], log=log)
                out["results"][key][str(latency_ms)] = result
                bound = "≥ " if result["lowerBound"] else ""
                log(f"  {key} at {latency_ms} ms: {bound}{result['capacity']} req/s")
    out["summary"] = capacity.summarize(out, cores)
    log(f"  goal (new CPU-bound at every latency, {capacity.LATENCIES_MS[-1]} ms within 20% of "
        f"{capacity.LATENCIES_MS[0]} ms): {'met' if out['summary']['goalMet'] else 'not met'}")
    return out


def cold_start(args, m, java17, java25, app_jar):
    log("figure 3: cold start")
    cache = os.path.join(args.workdir, "app.aot")
    aot_jar = os.path.join(args.aot_app, "quarkus-run.jar")
    result = {"aotCacheMiB": coldstart.train_aot_cache(
        java25, aot_jar, cache, free_port(), args.workdir, m["training"]) / 2**20}
    variants = [
        {"key": "jdk17", "label": "Java 17 (OpenJDK 17.0), fast-jar", "java": java17, "jar": app_jar, "jvmArgs": []},
        {"key": "jdk25", "label": "Java 25 (Temurin), fast-jar", "java": java25, "jar": app_jar, "jvmArgs": []},
        {"key": "jdk25-aot", "label": "Java 25 (Temurin), aot-jar + AOT cache", "java": java25, "jar": aot_jar,
         # AOTMode=on: fail instead of silently starting without the cache.
         "jvmArgs": [f"-XX:AOTCache={cache}", "-XX:AOTMode=on"]},
    ]
    result["variants"] = []
    result["java25"] = machine.java_version(java25)
    for variant in variants:
        v = coldstart.measure_variant(variant, m["cold_runs"], free_port(), args.workdir)
        result["variants"].append(v)
        log(f"  {variant['label']}: {v['seconds']['median']:.2f} s")
    return result


def first_seconds(args, m, java17, app_jar):
    log(f"first seconds of a fresh pod: {m['first_starts']} starts per variant, {firstseconds.RATE} req/s, "
        f"{m['first_duration']} s fresh, {m['first_settle']} s unmeasured and {m['first_duration']} s warm")
    prod_jar = os.path.join(args.prod_app, "quarkus-run.jar")
    result = firstseconds.measure(java17, app_jar, prod_jar, args.driver, m, args.workdir, HEAP, log=log)
    for variant in result["variants"]:
        ratio = variant["summary"]["p99Ratio"]
        log(f"  {variant['label']}: fresh p99 / warm p99 {ratio['median']:.2f} ({ratio['min']:.2f}-{ratio['max']:.2f})")
    return result


def sizing_inputs(results):
    """The figures the sizing is computed from, in one place."""
    inputs = {}
    t, lim, cap = results.get("throughput"), results.get("limit"), results.get("capacity")
    if t:
        inputs["cpuMsPerBaselineRequest"] = t["cpuMsPerBaselineRequest"]["median"]
        inputs["jvmCpuMsPerAuthorizationInProcessSandbox"] = t["cpuMsPerAuthorization"]["median"]
    if lim and lim.get("cpuMsPerAuthorization"):
        # The gateway JVM alone, processors in another JVM: the CPU a pod spends per authorization.
        inputs["gatewayCpuMsPerAuthorization"] = lim["cpuMsPerAuthorization"]["median"]
        inputs["gatewayAuthorizationsPerSecondStandalone"] = lim["authorize"]["median"]
        inputs["routeLimitPerSecond"] = lim["limit"]["median"]
    if cap:
        def at_capacity(r):
            cores = (r["atCapacity"] or {}).get("cores", {})
            return {"capacity": r["capacity"], "lowerBound": r["lowerBound"],
                    "gatewayCoresAtCapacity": cores.get("gateway"), "machineCoresAtCapacity": cores.get("machine")}
        inputs["capacityByLatencyMs"] = {
            str(latency_ms): {key: at_capacity(by_latency[str(latency_ms)])
                              for key, by_latency in cap["results"].items() if str(latency_ms) in by_latency}
            for latency_ms in cap["latenciesMs"]}
    return inputs


def write_doc(path, results, figures=None):
    with open(path, encoding="utf-8") as f:
        document = f.read()
    # Rendered in full before the file is opened for writing, so a failing section leaves the doc as it was.
    updated = report.replace_sections(document, report.bodies(results, figures))
    with open(path, "w", encoding="utf-8") as f:
        f.write(updated)


if __name__ == "__main__":
    main()
