using System.Text.Json.Serialization;

namespace KukaPortal.Core.Preprocessing;

/// <summary>
/// The scalers of paper 001 (sklearn's names in brackets). The JSON names are stable: they are stored
/// inside model artifacts, and "minmax" matches the name the first artifacts already used.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<ScalerKind>))]
public enum ScalerKind
{
    /// <summary>[0, 1] by the fitted minimum and maximum (MinMaxScaler); the default, best in papers 000 and 001.</summary>
    [JsonStringEnumMemberName("minmax")] MinMax,

    /// <summary>Zero mean, unit population variance (StandardScaler).</summary>
    [JsonStringEnumMemberName("standard")] Standard,

    /// <summary>Minus the median, over the interquartile range (RobustScaler).</summary>
    [JsonStringEnumMemberName("robust")] Robust,

    /// <summary>Over the largest absolute value (MaxAbsScaler).</summary>
    [JsonStringEnumMemberName("maxabs")] MaxAbs,

    /// <summary>Yeo-Johnson power transform with a maximum-likelihood λ, then standardised (PowerTransformer).</summary>
    [JsonStringEnumMemberName("yeo-johnson")] YeoJohnson,

    /// <summary>Empirical CDF of the normal data, output uniform on [0, 1] (QuantileTransformer).</summary>
    [JsonStringEnumMemberName("quantile-uniform")] QuantileUniform,

    /// <summary>Empirical CDF of the normal data mapped through the normal quantile, output clipped to ±5.2.</summary>
    [JsonStringEnumMemberName("quantile-normal")] QuantileNormal,
}
