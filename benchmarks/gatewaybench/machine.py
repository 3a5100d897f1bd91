"""What the figures were measured on: cores, CPU model, JDK, load average."""
import os
import platform
import subprocess


def load_average():
    return os.getloadavg()


def describe(java):
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo", encoding="ascii", errors="replace") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return {"cores": os.cpu_count(), "cpu": cpu, "kernel": platform.release(), "java": java_version(java)}


def java_version(java):
    out = subprocess.run([java, "-version"], capture_output=True, text=True, check=False).stderr.splitlines()
    # Second line names the runtime build, e.g. 'OpenJDK Runtime Environment (build 17.0.15+6-Debian-1deb12u1)'.
    return out[1].strip() if len(out) > 1 else (out[0] if out else java)
