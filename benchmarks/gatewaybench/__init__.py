"""Gateway benchmarks for docs/benchmarks.md: throughput, latency at a rate, cold start, memory, sizing."""
