// QEMU under TCG is CPU-bound: running boots side by side on two cores only makes them flaky.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
