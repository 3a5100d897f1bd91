"""The route-shape limit (benchmarks/route-limit): plain Vert.x, one outbound call to the sandbox's Stripe per request."""
from .gateway import Gateway


class RouteLimit(Gateway):
    """The route-limit JVM; same process handling (CPU, RSS, stop) as a gateway."""

    ready_path = "/health"
    name = "route-limit"

    def __init__(self, java, jar, port, stripe_port, log_path, jvm_args=(), event_loops=2, pool=1000):
        super().__init__(java, jar, port, log_path, jvm_args=jvm_args)
        self.command = [java, *jvm_args, "-jar", jar, "--port", str(port), "--stripe-port", str(stripe_port),
                        "--event-loops", str(event_loops), "--pool", str(pool)]
        self.event_loops = event_loops
        self.pool = pool
