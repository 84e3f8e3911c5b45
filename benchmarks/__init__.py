"""Performance benchmarks: ``python -m benchmarks`` prints a table of measurements against targets."""
