"""Runs the gateway benchmarks (figures 1-4 and 6 of docs/benchmarks.md) and rewrites their sections.

Called by ./bench.sh after it has built the jars; see ./bench.sh --help.
"""
import argparse
import datetime
import json
import os
import socket
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from gatewaybench import coldstart, latency, machine, profile, report, sizing, throughput, wrk  # noqa: E402
from gatewaybench.gateway import Gateway  # noqa: E402

JDK17 = "/usr/lib/jvm/java-17-openjdk-amd64"
JDK25 = "/usr/lib/jvm/temurin-25-jdk-amd64"
HEAP = "768m"
PROCESSOR_LATENCY_MS = 20
# The goal is stated at half of the maximum; a quarter shows the overhead with the cores less contended.
LATENCY_SHARES_OF_MAX = (0.5, 0.25)
MODES = {
    # runs, wrk seconds, warm-up seconds, latency runs, latency seconds, cold-start runs, AOT training seconds
    "short": dict(runs=3, duration=10, warmup=15, latency_runs=3, latency_duration=15, cold_runs=3, training=10),
    # Checks the harness end to end in about two minutes; its figures mean nothing.
    "smoke": dict(runs=1, duration=3, warmup=3, latency_runs=1, latency_duration=3, cold_runs=1, training=3),
    "full": dict(runs=5, duration=20, warmup=30, latency_runs=5, latency_duration=30, cold_runs=5, training=20),
}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def log(message):
    print(f"[bench {datetime.datetime.now():%H:%M:%S}] {message}", flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mode", choices=MODES, default="full")
    parser.add_argument("--app", help="fast-jar directory (quarkus-run.jar)")
    parser.add_argument("--aot-app", help="aot-jar directory (quarkus-run.jar)")
    parser.add_argument("--driver", help="load-driver.jar")
    parser.add_argument("--doc", required=True, help="docs/benchmarks.md to update")
    parser.add_argument("--workdir", help="logs, JFR recording, AOT cache and results.json")
    parser.add_argument("--render", metavar="RESULTS_JSON", help="only rewrite the doc from a saved results.json")
    args = parser.parse_args()
    if args.render:
        with open(args.render, encoding="utf-8") as f:
            write_doc(args.doc, json.load(f))
        return
    if not (args.app and args.aot_app and args.driver and args.workdir):
        parser.error("--app, --aot-app, --driver and --workdir are needed to run the benchmarks")
    m = MODES[args.mode]
    os.makedirs(args.workdir, exist_ok=True)
    java17 = os.path.join(JDK17, "bin", "java")
    java25 = os.path.join(JDK25, "bin", "java")
    results = {"mode": args.mode, "date": f"{datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC",
               "machine": machine.describe(java17), "loadBefore": machine.load_average()[0],
               "durationS": m["duration"], "latencyDurationS": m["latency_duration"], "trainingS": m["training"],
               "heap": HEAP, "wrk": {"threads": wrk.THREADS, "connections": wrk.CONNECTIONS}}
    log(f"mode {args.mode}, load average {results['loadBefore']:.1f}")

    app_jar = os.path.join(args.app, "quarkus-run.jar")
    with Gateway(java17, app_jar, free_port(), os.path.join(args.workdir, "gateway.log"),
                 jvm_args=[f"-Xmx{HEAP}"]) as gateway:
        gateway.wait_ready()
        log("figure 1 and 4: throughput against the baseline route, RSS")
        results["throughput"] = throughput.measure(gateway, m["runs"], m["duration"], m["warmup"])
        log(f"  authorizations {results['throughput']['authorize']['median']:.0f}/s, "
            f"baseline {results['throughput']['baseline']['median']:.0f}/s, "
            f"ratio {results['throughput']['ratio']['median']:.2f}")
        log("profile: JFR during one more authorization run")
        results["profile"] = profile.record(os.path.join(JDK17, "bin", "jcmd"), os.path.join(JDK17, "bin", "jfr"),
                                            gateway, gateway.base + throughput.AUTHORIZE, m["duration"],
                                            os.path.join(args.workdir, "authorization.jfr"))
        results["latency"] = []
        for share in LATENCY_SHARES_OF_MAX:
            rate = max(1, round(results["throughput"]["authorize"]["median"] * share))
            log(f"figure 2: latency at {rate} req/s ({share:.0%} of max) with {PROCESSOR_LATENCY_MS} ms processor latency")
            figures = latency.measure(java17, args.driver, gateway, rate, PROCESSOR_LATENCY_MS,
                                      m["latency_runs"], m["latency_duration"])
            figures["shareOfMax"] = share
            results["latency"].append(figures)
            if figures["p99"]:
                log(f"  overhead p50 {figures['p50']['median']:.2f} ms, p99 {figures['p99']['median']:.2f} ms, "
                    f"{len(figures['errors'])} runs did not drain")
            else:
                log(f"  not sustained: {figures['errors'][0]}")

    log("figure 3: cold start")
    cache = os.path.join(args.workdir, "app.aot")
    aot_jar = os.path.join(args.aot_app, "quarkus-run.jar")
    results["coldStart"] = {"aotCacheMiB": coldstart.train_aot_cache(
        java25, aot_jar, cache, free_port(), args.workdir, m["training"]) / 2**20}
    variants = [
        {"key": "jdk17", "label": "Java 17 (OpenJDK 17.0), fast-jar", "java": java17, "jar": app_jar, "jvmArgs": []},
        {"key": "jdk25", "label": "Java 25 (Temurin), fast-jar", "java": java25, "jar": app_jar, "jvmArgs": []},
        {"key": "jdk25-aot", "label": "Java 25 (Temurin), aot-jar + AOT cache", "java": java25, "jar": aot_jar,
         # AOTMode=on: fail instead of silently starting without the cache.
         "jvmArgs": [f"-XX:AOTCache={cache}", "-XX:AOTMode=on"]},
    ]
    results["coldStart"]["variants"] = []
    for variant in variants:
        v = coldstart.measure_variant(variant, m["cold_runs"], free_port(), args.workdir)
        results["coldStart"]["variants"].append(v)
        log(f"  {variant['label']}: {v['seconds']['median']:.2f} s")

    results["sizing"] = sizing.plan(results["throughput"], results["profile"])
    results["loadAfter"] = machine.load_average()[0]
    with open(os.path.join(args.workdir, "results.json"), "w", encoding="utf-8") as f:
        json.dump(results, f, indent=2)
    write_doc(args.doc, results)
    log(f"sizing: {results['sizing']['pods']} pods at {results['sizing']['perPod']:.0f}/s per pod; "
        f"wrote {args.doc} and {args.workdir}/results.json")


def write_doc(path, results):
    with open(path, encoding="utf-8") as f:
        document = f.read()
    with open(path, "w", encoding="utf-8") as f:
        f.write(report.replace_sections(document, report.bodies(results)))


if __name__ == "__main__":
    main()
