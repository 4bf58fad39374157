// Benchmarks land with the code they measure.
print("mcred-bench: nothing to measure yet")
