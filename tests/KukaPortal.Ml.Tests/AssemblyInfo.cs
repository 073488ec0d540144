// Torch's thread pool is process-wide and this machine has two cores: running torch tests side by side
// only makes each slower and their timings noisy.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
