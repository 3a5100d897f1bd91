"""Starts the sandbox-enabled gateway jar (or the production jar) on loopback, waits for it, reads its RSS and CPU, stops it."""
import hashlib
import json
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request

# The sandbox processors accept these sandbox credentials (SandboxConfig.Accepts defaults); they are not secrets.
SANDBOX_CREDENTIALS = {
    "voyager.processors.stripe.api-key": "sk_test_voyager_sandbox",
    "voyager.processors.adyen.api-key": "AQE_voyager_sandbox_key",
    "voyager.processors.adyen.merchant-account": "VoyagerSandboxECOM",
    "voyager.processors.mercadopago.api-key": "TEST-voyager-sandbox-token",
}
PROCESSORS = ("stripe", "adyen", "mercadopago")
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def properties(port, extra=None):
    props = {
        "quarkus.profile": "bench",
        "quarkus.http.host": "127.0.0.1",
        "quarkus.http.port": str(port),
        # Instant sandbox answers unless a benchmark sets a processor latency on purpose.
        "voyager.sandbox.latency.min-ms": "0",
        "voyager.sandbox.latency.max-ms": "0",
        # Processor failures are logged per request; under overload that logging would become the benchmark.
        "quarkus.log.level": "ERROR",
        # ...except Quarkus' own "started in" line, which the cold-start figure reads.
        "quarkus.log.category.\"io.quarkus\".level": "INFO",
        **SANDBOX_CREDENTIALS,
    }
    props.update(extra or {})
    return [f"-D{k}={v}" for k, v in props.items()]


class Gateway:
    """One gateway JVM. Use as a context manager so it is always stopped."""

    ready_path = "/q/health/ready"
    name = "gateway"

    def __init__(self, java, jar, port, log_path, jvm_args=(), extra_props=None):
        self.port = port
        self.base = f"http://127.0.0.1:{port}"
        # Where /q/health and /q/metrics are: the same port, but for the production jar's management port.
        self.health = self.base
        self.command = [java, *jvm_args, *properties(port, extra_props), "-jar", jar]
        self.log_path = log_path
        self.process = None
        self.started_at = None

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()

    def start(self):
        self._log = open(self.log_path, "w", encoding="utf-8")
        self.started_at = time.monotonic()
        self.process = subprocess.Popen(self.command, stdout=self._log, stderr=subprocess.STDOUT)
        return self

    def wait_ready(self, timeout_s=120):
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited with {self.process.returncode}; see {self.log_path}")
            try:
                with urllib.request.urlopen(self.health + self.ready_path, timeout=2) as r:
                    if r.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.1)
        raise RuntimeError(f"{self.name} not ready after {timeout_s}s; see {self.log_path}")

    def set_processor_latency(self, latency_ms):
        for processor in PROCESSORS:
            body = json.dumps({"latencyMs": latency_ms, "errorRate": 0, "down": False}).encode()
            request = urllib.request.Request(f"{self.base}/sandbox/faults/{processor}", data=body, method="PUT",
                                             headers={"Content-Type": "application/json"})
            with urllib.request.urlopen(request, timeout=10) as r:
                if r.status != 200:
                    raise RuntimeError(f"setting {processor} latency answered {r.status}")

    def rss_kb(self):
        with open(f"/proc/{self.process.pid}/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        raise RuntimeError("no VmRSS")

    def cpu_seconds(self):
        with open(f"/proc/{self.process.pid}/stat", encoding="ascii") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        # utime and stime are fields 14 and 15 of /proc/<pid>/stat; fields[0] here is field 3.
        return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS

    def stop(self, timeout_s=180):
        """SIGTERM and wait: a JVM writing an AOT cache at exit needs the time."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout_s)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if getattr(self, "_log", None):
            self._log.close()
            self._log = None


class ProdGateway(Gateway):
    """The production jar (no sandbox, health and metrics on the management port), configured for loopback.

    Credentials come from configuration (the sandbox's values, which the standalone sandbox accepts), and the
    merchant key the driver sends is configured as a digest, as in production."""

    name = "production gateway"

    def __init__(self, java, jar, port, log_path, merchant_key, jvm_args=(), extra_props=None):
        self.management_port = free_port()
        props = {
            "quarkus.http.host": "127.0.0.1",
            "quarkus.http.port": str(port),
            "quarkus.management.host": "127.0.0.1",
            "quarkus.management.port": str(self.management_port),
            "voyager.credentials.source": "config",
            "voyager.merchants.key-hashes.m_loadtest": hashlib.sha256(merchant_key.encode()).hexdigest(),
            "quarkus.log.level": "ERROR",
            **SANDBOX_CREDENTIALS,
            **(extra_props or {}),
        }
        super().__init__(java, jar, port, log_path, jvm_args=jvm_args)
        self.command = [java, *jvm_args, *[f"-D{k}={v}" for k, v in props.items()], "-jar", jar]
        self.health = f"http://127.0.0.1:{self.management_port}"
