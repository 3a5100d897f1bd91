"""The first 30 s of a fresh pod: open-model latency of a gateway JVM's first traffic against the same JVM warm.

For each start, with the start-up warm-up off and on: a fresh JVM of the production jar, with the JVM options a pod
of the generated Deployment runs with (POD_JVM), calls the standalone sandbox, every answer held
PROCESSOR_LATENCY_MS. As soon as it reports ready, the open-model driver sends RATE req/s for the run's length
("fresh"); then the same JVM gets the same rate unmeasured for SETTLE seconds, and once more measured ("warm", after
fresh + settle seconds of traffic).

Each run is a fresh driver JVM, whose own first seconds (JIT, connections) would be charged to the gateway. So it
first sends DRIVER_WARMUP_S at the run's rate to another JVM: the split's weights put every warm-up request on the
standalone sandbox (which also serves /v1/authorizations, through its own sandbox listeners) and every measured one on
the gateway. The driver numbers the measured requests 0..N-1 and its warm-up requests N..N+W-1, and sends request i
to target 0 while (i x 37) mod (total weight) is below target 0's weight; with weights 37N and 37W + 1 that is exactly
the measured ones. Checked on every run: no measured answer carries the sandbox JVM's X-Voyager-Version, and after
the fresh run the gateway's exported authorization counters and HTTP server histogram hold exactly the requests it
answered, so neither the driver's warm-up nor the gateway's own counted there."""
import csv
import json
import os
import re
import subprocess
import time
import urllib.request

from . import stats
from .gateway import ProdGateway, free_port
from .sandbox import StandaloneSandbox

# A third of what figure 2 sustained on this machine at a quarter of figure 1's maximum (2,156 req/s): the driver,
# the sandbox and a cold JIT share two cores, and a fixed rate keeps the figure comparable from run to run whatever
# figure 1 measured.
RATE = 1000
PROCESSOR_LATENCY_MS = 20
DRIVER_WARMUP_S = 3
# The split's stride (loadtest/driver TrafficSplit.STRIDE).
STRIDE = 37
SANDBOX_VERSION = "driver-warm-up"
# A second of the fresh run is "slow" when its p99 is over this many times the warm run's p99.
SLOW_FACTOR = 2
# What a pod of src-deploy runs: the image's entry point (voyager-gateway/src/main/docker/Dockerfile.jvm:
# -XX:MaxRAMPercentage=75.0 and the JBoss log manager) in a container limited to 1 GiB and 2 CPUs
# (quarkus.kubernetes.resources.limits). There the JVM sees 1 GiB, so 768 MiB of heap, and below 1,792 MB of memory
# its ergonomics pick the serial collector; MaxRAM and UseSerialGC say the same outside a container. Tiered
# compilation as shipped (the JVM's default).
POD_JVM = ["-XX:MaxRAM=1g", "-XX:MaxRAMPercentage=75.0", "-XX:+UseSerialGC", "-XX:ActiveProcessorCount=2",
           "-Djava.util.logging.manager=org.jboss.logmanager.LogManager"]
VARIANTS = (
    {"key": "off", "label": "warm-up off", "props": {"voyager.warm-up.enabled": "false"}},
    {"key": "on", "label": "warm-up on", "props": {}},
)
WARM_UP_WARNING = re.compile(r"WARN .*(Warm-up of the authorization path [^\n]*)")
HTTP_COUNT = re.compile(r'^http_server_requests_seconds_count\{[^}]*uri="/v1/authorizations"[^}]*} (\S+)$', re.M)
AUTHORIZATIONS = re.compile(r'^voyager_authorizations_total\{[^}]*} (\S+)$', re.M)
LOG_PROPS = {"quarkus.log.category.\"io.voyager.gateway.authorization.AuthorizationWarmUp\".level": "INFO"}


def drive(java, driver_jar, gateway, sandbox, duration_s, timeline_path):
    """One measured run against the gateway after the driver's own warm-up against the sandbox JVM."""
    measured = RATE * duration_s
    warmup = RATE * DRIVER_WARMUP_S
    command = [java, "-jar", driver_jar, "--rate", str(RATE), "--duration", f"{duration_s}s",
               "--target", f"{gateway.base}={STRIDE * measured}", "--target", f"{sandbox.base}={STRIDE * warmup + 1}",
               "--warmup", f"{DRIVER_WARMUP_S}s", "--timeline", timeline_path, "--timeline-interval", "1s", "--json"]
    started = time.monotonic()
    out = subprocess.run(command, capture_output=True, text=True, timeout=duration_s + DRIVER_WARMUP_S + 180,
                         check=False)
    line = next((l for l in out.stdout.splitlines() if l.startswith("{")), None)
    if out.returncode != 0 or line is None:
        reason = next((l for l in out.stderr.splitlines() if "Exception" in l), out.stderr.strip()[-300:])
        raise RuntimeError(f"driver failed: {reason}")
    run = json.loads(line)
    run["startedAfterS"] = started
    run["notOk"] = run["sent"] - run["succeeded"]
    run["answeredByGateway"] = sum(count for outcome, count in run["outcomes"].items()
                                   if outcome in ("approved", "declined") or outcome.startswith("http "))
    run["sentToSandbox"] = run["versions"].get(SANDBOX_VERSION, 0)
    run["secondsP99Ms"] = seconds_p99(timeline_path)
    run["worstSecondP99Ms"] = max(run["secondsP99Ms"]) if run["secondsP99Ms"] else None
    return run


def settle(java, driver_jar, gateway, duration_s):
    """Unmeasured traffic at the same rate, so the warm run comes after fresh + settle seconds of it."""
    if duration_s <= 0:
        return
    subprocess.run([java, "-jar", driver_jar, "--rate", str(RATE), "--duration", f"{duration_s}s",
                    "--target", gateway.base, "--json"], capture_output=True, timeout=duration_s + 180, check=True)


def seconds_p99(timeline_path):
    """The p99 of each one-second interval of the gateway (target 0), in order; intervals are on whole epoch seconds."""
    with open(timeline_path, encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["target"] == "0" and int(r["requests"]) > 0]
    return [float(r["p99_ms"]) for r in sorted(rows, key=lambda r: int(r["start_ms"]))]


def slow_seconds(run):
    """Seconds of the fresh run whose p99 was over SLOW_FACTOR times the same JVM's warm p99."""
    bound = SLOW_FACTOR * run["warm"]["p99Ms"]
    return sum(1 for p99 in run["fresh"]["secondsP99Ms"] if p99 > bound)


def counted_by_gateway(gateway):
    """What the gateway's scrape counts for /v1/authorizations: (HTTP server histogram, business counters)."""
    with urllib.request.urlopen(gateway.health + "/q/metrics", timeout=10) as r:
        text = r.read().decode()
    return (round(sum(float(v) for v in HTTP_COUNT.findall(text))),
            round(sum(float(v) for v in AUTHORIZATIONS.findall(text))))


def warm_up(gateway, log_path):
    """The warm-up as the readiness check reports it once ready (state, requests sent, ms), and its warning, if any."""
    with urllib.request.urlopen(gateway.health + "/q/health/ready", timeout=10) as r:
        checks = json.loads(r.read().decode())["checks"]
    data = next((c.get("data", {}) for c in checks if c["name"] == "warm-up"), {})
    with open(log_path, encoding="utf-8", errors="replace") as f:
        warning = WARM_UP_WARNING.search(f.read())
    return {"state": data.get("state"), "requests": data.get("requests"), "ms": data.get("ms"),
            "warning": warning.group(1) if warning else None}


def one_start(java, app_jar, driver_jar, sandbox, variant, start, m, workdir):
    name = f"first-{variant['key']}-{start}"
    log_path = os.path.join(workdir, f"{name}.log")
    props = {**sandbox.gateway_props(), **LOG_PROPS, **variant["props"]}
    props.pop("voyager.sandbox.enabled", None)  # the production jar has no sandbox
    duration_s = m["first_duration"]
    with ProdGateway(java, app_jar, free_port(), log_path, os.environ["MERCHANT_API_KEY"], jvm_args=POD_JVM,
                     extra_props=props) as gateway:
        gateway.wait_ready()
        ready_s = time.monotonic() - gateway.started_at
        warmed = warm_up(gateway, log_path)
        fresh = drive(java, driver_jar, gateway, sandbox, duration_s, os.path.join(workdir, f"{name}-fresh.csv"))
        # From ready to the driver's exec; its JVM start and its warm-up come before the gateway's first request.
        fresh["startedAfterS"] -= gateway.started_at + ready_s
        counted_http, counted_authorizations = counted_by_gateway(gateway)
        settle(java, driver_jar, gateway, m["first_settle"])
        warm = drive(java, driver_jar, gateway, sandbox, duration_s, os.path.join(workdir, f"{name}-warm.csv"))
        del warm["startedAfterS"]
    answered = fresh["answeredByGateway"]
    run = {"start": start, "readyS": ready_s, "warmUp": warmed, "fresh": fresh, "warm": warm,
           "countedAfterFresh": {"http": counted_http, "authorizations": counted_authorizations},
           "clean": counted_http == answered and counted_authorizations == answered
                    and fresh["sentToSandbox"] == 0 and warm["sentToSandbox"] == 0}
    run["slowSeconds"] = slow_seconds(run)
    return run


def summarize(runs):
    def over(path):
        values = [path(r) for r in runs if path(r) is not None]
        return stats.summary(values) if values else None
    out = {"readyS": over(lambda r: r["readyS"]),
           "warmUpMs": over(lambda r: r["warmUp"]["ms"]),
           "warmUpRequests": over(lambda r: r["warmUp"]["requests"]),
           "warmUpWarnings": sorted({r["warmUp"]["warning"] for r in runs if r["warmUp"]["warning"]}),
           "p99Ratio": over(lambda r: r["fresh"]["p99Ms"] / r["warm"]["p99Ms"]),
           "p50Ratio": over(lambda r: r["fresh"]["p50Ms"] / r["warm"]["p50Ms"]),
           "slowSeconds": over(lambda r: r["slowSeconds"]),
           "driverExecAfterReadyS": over(lambda r: r["fresh"]["startedAfterS"]),
           "allClean": all(r["clean"] for r in runs)}
    for phase in ("fresh", "warm"):
        for key in ("p50Ms", "p99Ms", "p999Ms", "maxMs", "worstSecondP99Ms", "notOk", "ratePerSecond"):
            out[f"{phase}.{key}"] = over(lambda r, p=phase, k=key: r[p][k])
    return out


def measure(java, app_jar, prod_jar, driver_jar, m, workdir, heap, log=print):
    """app_jar: the sandbox build, for the standalone sandbox; prod_jar: the production build, the gateway measured."""
    result = {"rate": RATE, "durationS": m["first_duration"], "settleS": m["first_settle"],
              "driverWarmupS": DRIVER_WARMUP_S, "processorLatencyMs": PROCESSOR_LATENCY_MS,
              "starts": m["first_starts"], "jvm": POD_JVM, "variants": []}
    runs = {v["key"]: [] for v in VARIANTS}
    sandbox_warmup_s = m["first_sandbox_warmup"]
    with StandaloneSandbox(java, app_jar, free_port(), os.path.join(workdir, "first-sandbox.log"), PROCESSOR_LATENCY_MS,
                           jvm_args=[f"-Xmx{heap}", f"-Dvoyager.version={SANDBOX_VERSION}"]) as sandbox:
        sandbox.wait_ready()
        # The sandbox JVM is the processors of every start and the driver's warm-up target: warm before the first.
        subprocess.run([java, "-jar", driver_jar, "--rate", str(RATE), "--duration", f"{sandbox_warmup_s}s",
                        "--target", sandbox.base, "--json"], capture_output=True, timeout=sandbox_warmup_s + 120,
                       check=True)
        for start in range(m["first_starts"]):
            # Alternating the order spreads a drift of the machine's load over both variants.
            for variant in (VARIANTS if start % 2 == 0 else tuple(reversed(VARIANTS))):
                run = one_start(java, prod_jar, driver_jar, sandbox, variant, start, m, workdir)
                runs[variant["key"]].append(run)
                log(f"  start {start + 1}/{m['first_starts']}, {variant['label']}: ready {run['readyS']:.2f} s, "
                    f"p99 fresh {run['fresh']['p99Ms']:.1f} ms / warm {run['warm']['p99Ms']:.1f} ms, "
                    f"not 2xx {run['fresh']['notOk']} / {run['warm']['notOk']}, load {os.getloadavg()[0]:.1f}"
                    f"{'' if run['clean'] else ', CHECK FAILED: warm-up traffic reached the exported metrics'}")
    for variant in VARIANTS:
        result["variants"].append({"key": variant["key"], "label": variant["label"], "runs": runs[variant["key"]],
                                   "summary": summarize(runs[variant["key"]])})
    return result
