"""Benches: each prints ratios against a floor measured in the same run, so another
engineer's load on a shared machine does not move the goal posts (docs/architecture.md)."""
