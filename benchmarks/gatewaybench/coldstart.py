"""Figure 3: time from exec to the first 201 authorization, per JVM variant."""
import http.client
import os
import re
import time

from . import stats, wrk
from .gateway import Gateway

BODY = ('{"merchantId":"m_loadtest","reference":"cold-%d","amount":{"value":1299,"currency":"USD"},'
        '"paymentMethod":{"token":"tok_approved"}}')
POLL_S = 0.01
STARTED = re.compile(r"started in ([0-9.]+)s")
# The figure is the JVM's own start: the start-up warm-up, which holds readiness back on purpose, is off here
# (the first-seconds figure measures it).
JVM_START_ONLY = {"voyager.warm-up.enabled": "false"}


def first_authorization(gateway, timeout_s=120):
    """From exec: polls readiness as Kubernetes would (traffic only reaches a ready pod), then authorizes.

    Returns seconds to ready, seconds to the first 201, and the answers before it."""
    deadline = gateway.started_at + timeout_s
    ready_s = None
    attempt = 0
    earlier = []
    while time.monotonic() < deadline:
        if gateway.process.poll() is not None:
            raise RuntimeError(f"gateway exited with {gateway.process.returncode}; see {gateway.log_path}")
        connection = http.client.HTTPConnection("127.0.0.1", gateway.port, timeout=10)
        try:
            if ready_s is None:
                connection.request("GET", "/q/health/ready")
                if connection.getresponse().status == 200:
                    ready_s = time.monotonic() - gateway.started_at
                else:
                    time.sleep(POLL_S)
                continue
            attempt += 1
            connection.request("POST", "/v1/authorizations", body=BODY % attempt, headers={
                "Content-Type": "application/json", "Idempotency-Key": f"cold-{os.getpid()}-{attempt}",
                "Authorization": "Bearer " + os.environ.get("MERCHANT_API_KEY", "vk_test_voyager_sandbox")})
            status = connection.getresponse().status
        except (ConnectionError, OSError):
            time.sleep(POLL_S)
            continue
        finally:
            connection.close()
        if status == 201:
            return ready_s, time.monotonic() - gateway.started_at, earlier
        earlier.append(status)
    raise RuntimeError(f"no 201 within {timeout_s}s; answers so far {earlier}")


def quarkus_started_s(log_path):
    with open(log_path, encoding="utf-8", errors="replace") as f:
        match = STARTED.search(f.read())
    return float(match.group(1)) if match else None


def measure_variant(variant, runs, port, workdir):
    ready, times, started, answers = [], [], [], []
    for run in range(runs):
        log = os.path.join(workdir, f"cold-{variant['key']}-{run}.log")
        with Gateway(variant["java"], variant["jar"], port, log, jvm_args=variant["jvmArgs"],
                     extra_props=JVM_START_ONLY) as gateway:
            ready_s, seconds, earlier = first_authorization(gateway)
        ready.append(ready_s)
        times.append(seconds)
        started.append(quarkus_started_s(log))
        answers.extend(earlier)
    return {"key": variant["key"], "label": variant["label"], "seconds": stats.summary(times),
            "readySeconds": stats.summary(ready),
            "quarkusStartedS": stats.summary([s for s in started if s is not None]) if any(started) else None,
            "non201BeforeFirst": answers}


def train_aot_cache(java, jar, cache_path, port, workdir, load_s):
    """JEP 514/515 one-step training: run with -XX:AOTCacheOutput, drive the mix, exit; the JVM writes the cache."""
    if os.path.exists(cache_path):
        os.remove(cache_path)
    log = os.path.join(workdir, "aot-training.log")
    with Gateway(java, jar, port, log, jvm_args=[f"-XX:AOTCacheOutput={cache_path}"],
                 extra_props=JVM_START_ONLY) as gateway:
        gateway.wait_ready()
        first_authorization(gateway)
        wrk.run(gateway.base + "/v1/authorizations", load_s)
    if not os.path.exists(cache_path):
        raise RuntimeError(f"no AOT cache written; see {log}")
    return os.path.getsize(cache_path)
