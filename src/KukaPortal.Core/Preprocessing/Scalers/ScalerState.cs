namespace KukaPortal.Core.Preprocessing;

/// <summary>
/// A fitted scaler as data: its kind and named per-channel parameter arrays (e.g. "minimums",
/// "maximums"). Plain enough to round-trip through System.Text.Json into a model artifact; doubles
/// are written in their shortest round-trip form, so a restored scaler gives identical outputs.
/// </summary>
public sealed record ScalerState(ScalerKind Kind, IReadOnlyDictionary<string, double[]> Parameters)
{
    public IScaler Restore() => Kind switch
    {
        ScalerKind.MinMax => new MinMaxScaler(Floats("minimums"), Floats("maximums")),
        ScalerKind.Standard => new StandardScaler(Get("means"), Get("scales")),
        ScalerKind.Robust => new RobustScaler(Get("medians"), Get("scales")),
        ScalerKind.MaxAbs => new MaxAbsScaler(Get("maxAbs")),
        ScalerKind.YeoJohnson => new YeoJohnsonScaler(Get("lambdas"), Get("means"), Get("scales")),
        ScalerKind.QuantileUniform or ScalerKind.QuantileNormal =>
            new QuantileScaler(Kind == ScalerKind.QuantileNormal, Get("quantiles"), Get("references")),
        _ => throw new InvalidDataException($"Unknown scaler kind {Kind}."),
    };

    /// <summary>One parameter array; a missing or non-finite one means a damaged artifact.</summary>
    public double[] Get(string name)
    {
        if (!Parameters.TryGetValue(name, out var values) || values is null)
            throw new InvalidDataException($"The {Kind} scaler state has no '{name}' parameter.");
        if (values.Any(v => !double.IsFinite(v)))
            throw new InvalidDataException($"The {Kind} scaler state's '{name}' parameter holds a non-finite value.");
        return values;
    }

    private float[] Floats(string name) => [.. Get(name).Select(v => (float)v)];
}
