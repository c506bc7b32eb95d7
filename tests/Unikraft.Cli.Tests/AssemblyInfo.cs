// QEMU under TCG on two cores: one test at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
