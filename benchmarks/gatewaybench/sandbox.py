"""The standalone sandbox: one more JVM of the benchmark jar, used only as the three processors.

It listens for Stripe, Adyen and Mercado Pago on fixed loopback ports with the latency of the figure; the
gateway under test runs with its own sandbox off (`voyager.sandbox.enabled=false`) and those ports as its
processors' base URLs, so that JVM's CPU is the gateway's alone."""
from .gateway import PROCESSORS, Gateway, free_port


class StandaloneSandbox(Gateway):
    """The sandbox processors in a JVM of their own. Use as a context manager so it is always stopped."""

    name = "standalone sandbox"

    def __init__(self, java, jar, port, log_path, latency_ms, ports=None, jvm_args=()):
        self.processor_ports = dict(ports) if ports else {p: free_port() for p in PROCESSORS}
        self.latency_ms = latency_ms
        props = {f"voyager.sandbox.ports.{p}": str(self.processor_ports[p]) for p in PROCESSORS}
        # Every answer waits exactly the figure's latency.
        props["voyager.sandbox.latency.min-ms"] = str(latency_ms)
        props["voyager.sandbox.latency.max-ms"] = str(latency_ms)
        super().__init__(java, jar, port, log_path, jvm_args=jvm_args, extra_props=props)

    def gateway_props(self):
        """Properties for a gateway JVM that calls these processors instead of its own sandbox."""
        props = {"voyager.sandbox.enabled": "false"}
        for processor in PROCESSORS:
            props[f"voyager.processors.{processor}.base-url"] = f"http://127.0.0.1:{self.processor_ports[processor]}"
        return props
