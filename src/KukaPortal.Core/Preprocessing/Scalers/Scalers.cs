using KukaPortal.Core.Series;

namespace KukaPortal.Core.Preprocessing;

/// <summary>The one entry point that fits any scaler on normal training data.</summary>
public static class Scalers
{
    public static IScaler Fit(ScalerKind kind, TimeSeries normal, ScalerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(normal);
        options ??= new ScalerOptions();
        return kind switch
        {
            ScalerKind.MinMax => MinMaxScaler.Fit(normal),
            ScalerKind.Standard => StandardScaler.Fit(normal),
            ScalerKind.Robust => RobustScaler.Fit(normal),
            ScalerKind.MaxAbs => MaxAbsScaler.Fit(normal),
            ScalerKind.YeoJohnson => YeoJohnsonScaler.Fit(normal),
            ScalerKind.QuantileUniform => QuantileScaler.Fit(normal, normalOutput: false, options.QuantileCount),
            ScalerKind.QuantileNormal => QuantileScaler.Fit(normal, normalOutput: true, options.QuantileCount),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown scaler kind."),
        };
    }
}
