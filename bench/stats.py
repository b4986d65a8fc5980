"""Summaries of timings: median, 95th percentile, count."""

import statistics


def percentile(values, pct):
    ordered = sorted(values)
    index = max(0, min(len(ordered) - 1, round(pct / 100 * len(ordered)) - 1))
    return ordered[index]


def summary_stats(values):
    return {
        "p50": statistics.median(values),
        "p95": percentile(values, 95),
        "n": len(values),
    }
