namespace KukaPortal.Core.Simulation.Noise;

/// <summary>What a random stream is used for. Each purpose has its own stream, so that adding an
/// anomaly does not shift the cycle-to-cycle variation or the measurement noise of the rows before it.</summary>
internal enum RandomPurpose
{
    CycleVariation = 1,
    MeasurementNoise = 2,
    AnomalySchedule = 3,
    SensorFaults = 4,
    InspectionSurface = 5,
    InspectionDefect = 6,
}

/// <summary>
/// Seeds independent <see cref="Random"/> streams from one user seed. The seed is mixed with the
/// purpose by a fixed integer hash (not <see cref="HashCode"/>, which is randomised per process), and a
/// seeded <see cref="Random"/> uses the same arithmetic everywhere, so a seed gives the same streams
/// on every machine.
/// </summary>
internal static class RandomStreams
{
    public static Random Create(int seed, RandomPurpose purpose) => Create(seed, purpose, 0);

    /// <summary>One of many streams of a purpose, e.g. one per simulated image, so each image is the same whatever comes before it.</summary>
    public static Random Create(int seed, RandomPurpose purpose, long index)
    {
        // A 64-bit finaliser (multiply / xor-shift) spreads neighbouring seeds over the whole range.
        var x = unchecked((ulong)(uint)seed * 0x9E3779B97F4A7C15UL + (ulong)purpose * 0xD1B54A32D192ED03UL + (ulong)index * 0x8CB92BA72F3D8DD7UL);
        x = unchecked((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL);
        x = unchecked((x ^ (x >> 27)) * 0x94D049BB133111EBUL);
        x ^= x >> 31;
        return new Random((int)(x & int.MaxValue));
    }
}
