"""Medians and ranges over runs."""
import statistics


def summary(values):
    """Median, min and max of a non-empty list of numbers."""
    return {"median": statistics.median(values), "min": min(values), "max": max(values), "runs": len(values)}


def fmt(summary_, digits=0, unit=""):
    """'1 234 (1 100–1 300)' style: median and min–max."""
    def one(v):
        return f"{v:,.{digits}f}".replace(",", "\u202f") + unit
    return f"{one(summary_['median'])} ({one(summary_['min'])}–{one(summary_['max'])})"
