namespace KukaPortal.Core.Preprocessing;

/// <summary>Settings that only some scalers read.</summary>
/// <param name="QuantileCount">
/// How many quantiles the quantile scalers keep per channel (sklearn's n_quantiles, default 1000);
/// capped at the number of finite training values.
/// </param>
public sealed record ScalerOptions(int QuantileCount = 1000);
