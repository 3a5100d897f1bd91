"""JFR execution samples of the authorization path, attributed to the layer that spent them."""
import collections
import re
import subprocess

from . import wrk

SANDBOX_PACKAGE = "io.voyager.gateway.sandbox."
# Frames only the sandbox listeners' event loops run (SandboxEndpoints.baseUri runs on gateway threads).
SANDBOX_HANDLER = ("io.voyager.gateway.sandbox.SandboxServers.handle", "io.voyager.gateway.sandbox.SandboxServers.lambda$")
# First matching frame from the top of the stack names the layer; order matters (most specific first).
LAYERS = (
    ("gateway code (parse, validate, route, map)", ("io.voyager.gateway.",)),
    ("JSON (Jackson)", ("com.fasterxml.jackson.",)),
    ("fault tolerance (SmallRye)", ("io.smallrye.faulttolerance.",)),
    ("metrics (Micrometer)", ("io.micrometer.",)),
    ("REST client", ("org.jboss.resteasy.reactive.client.", "io.quarkus.rest.client.", "io.quarkus.restclient.")),
    ("REST server (Quarkus REST)", ("org.jboss.resteasy.reactive.", "io.quarkus.resteasy.reactive.")),
    ("CDI, context propagation, thread pool", ("io.quarkus.arc.", "io.smallrye.context.", "org.jboss.threads.")),
    ("HTTP and sockets (Vert.x, Netty)", ("io.vertx.", "io.netty.")),
)
# Inclusive shares: samples with the frame anywhere on the stack.
INCLUSIVE = (
    ("the authorization on its worker thread (`AuthorizationResource.authorize`)",
     "io.voyager.gateway.authorization.AuthorizationResource.authorize("),
    ("the processor call inside the fault-tolerance interceptors", "io.smallrye.faulttolerance.FaultToleranceInterceptor.intercept("),
    ("the REST client preparing and sending the processor request",
     "org.jboss.resteasy.reactive.client.handlers.ClientSendRequestHandler"),
    ("reading the processor's answer (`HttpAnswers`)", "io.voyager.gateway.processor.HttpAnswers."),
)
SAMPLE = re.compile(r"jdk\.ExecutionSample \{.*?sampledThread = \"([^\"]*)\" \(javaThreadId = (\d+)\).*?"
                    r"stackTrace = \[(.*?)\n\s*\]", re.S)


def record(jcmd, jfr, gateway, url, duration_s, path):
    pid = str(gateway.process.pid)
    subprocess.run([jcmd, pid, "JFR.start", "name=bench", "settings=profile", f"filename={path}"],
                   check=True, capture_output=True)
    try:
        load = wrk.run(url, duration_s)
    finally:
        subprocess.run([jcmd, pid, "JFR.stop", "name=bench"], check=True, capture_output=True)
    text = subprocess.run([jfr, "print", "--events", "jdk.ExecutionSample", "--stack-depth", "96", path],
                          check=True, capture_output=True, text=True).stdout
    gc = subprocess.run([jfr, "print", "--events", "jdk.GarbageCollection", path],
                        check=True, capture_output=True, text=True).stdout
    return {"load": load, "durationS": duration_s, **gc_pauses(gc), **attribute(text)}


PAUSE = re.compile(r"sumOfPauses = ([0-9.]+) (ns|us|ms|s)\b")
TO_MS = {"ns": 1e-6, "us": 1e-3, "ms": 1.0, "s": 1000.0}


def gc_pauses(text):
    pauses = [float(value) * TO_MS[unit] for value, unit in PAUSE.findall(text)]
    return {"gcCount": len(pauses), "gcPauseMs": sum(pauses), "gcMaxPauseMs": max(pauses, default=0.0)}


def attribute(text):
    samples = []
    for match in SAMPLE.finditer(text):
        frames = [re.sub(r"\s+line:.*", "", f.strip()) for f in match.group(3).strip().splitlines()]
        frames = [f for f in frames if f and not f.startswith("...")]
        samples.append((match.group(2), frames))
    # The sandbox processors run on their own Vert.x event loops: a thread that ever ran sandbox code is theirs.
    sandbox_threads = {tid for tid, frames in samples if any(f.startswith(SANDBOX_HANDLER) for f in frames)}
    layers = collections.Counter()
    top = collections.Counter()
    inclusive = collections.Counter()
    for tid, frames in samples:
        if tid in sandbox_threads:
            layers["sandbox processors (in-process test double)"] += 1
            continue
        layers[layer(frames)] += 1
        for label, prefix in INCLUSIVE:
            if any(f.startswith(prefix) for f in frames):
                inclusive[label] += 1
        if frames:
            top[frames[0]] += 1
    total = len(samples)
    return {
        "samples": total,
        "layers": [(name, count / total) for name, count in layers.most_common()] if total else [],
        "topFrames": [(frame, count / total) for frame, count in top.most_common(8)] if total else [],
        "inclusive": [(label, inclusive[label] / total) for label, _ in INCLUSIVE] if total else [],
        "sandboxShare": layers["sandbox processors (in-process test double)"] / total if total else 0.0,
    }


def layer(frames):
    for frame in frames:
        for name, prefixes in LAYERS:
            if frame.startswith(prefixes) and not frame.startswith(SANDBOX_PACKAGE):
                return name
    return "JDK and JVM (no application frame on the stack)"
