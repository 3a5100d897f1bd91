"""CPU use while a load runs: cores busy on the whole machine and in given processes, sampled every half second."""
import os
import statistics
import threading
import time

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
INTERVAL_S = 0.5


def machine_busy_seconds():
    """CPU seconds all cores spent on anything but idle and I/O wait since boot (/proc/stat)."""
    with open("/proc/stat", encoding="ascii") as f:
        fields = [int(v) for v in f.readline().split()[1:]]
    # user nice system idle iowait irq softirq steal [guest guest_nice, already counted in user and nice]
    return (sum(fields[:8]) - fields[3] - fields[4]) / CLOCK_TICKS


class Usage:
    """Samples in a thread; `cores()` gives the median cores used per source over the samples in a time window."""

    def __init__(self, processes):
        self.processes = processes  # name -> object with cpu_seconds()
        self.samples = []  # (seconds since start, {name: cores})
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self):
        self.started = time.monotonic()
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()

    def _read(self):
        values = {"machine": machine_busy_seconds()}
        for name, process in self.processes.items():
            try:
                values[name] = process.cpu_seconds()
            except OSError:
                values[name] = None
        return time.monotonic(), values

    def _run(self):
        last_t, last = self._read()
        while not self._stop.wait(INTERVAL_S):
            t, now = self._read()
            span = t - last_t
            cores = {k: (now[k] - last[k]) / span for k in now if now[k] is not None and last[k] is not None}
            self.samples.append((t - self.started, cores))
            last_t, last = t, now

    def cores(self, from_s, to_s):
        """Median cores per source over the samples that end within [from_s, to_s]; all samples if none do."""
        window = [c for t, c in self.samples if from_s <= t <= to_s] or [c for _, c in self.samples]
        if not window:
            return {}
        return {k: statistics.median(c[k] for c in window if k in c) for k in window[0]}
