"""Benchmark tools: ``bench.corpus`` writes synthetic Arabic news corpora (see bench/README.md)."""
