using KukaPortal.Core.Series;

namespace KukaPortal.Core.Preprocessing;

/// <summary>
/// A per-channel transform fitted on normal training data and applied unchanged at scoring time.
/// Every scaler keeps NaN as NaN (validation upstream decides what missing values mean), never turns
/// a finite value into NaN or ±Infinity, and maps a channel without spread to a constant.
/// </summary>
public interface IScaler
{
    ScalerKind Kind { get; }

    int ChannelCount { get; }

    TimeSeries Transform(TimeSeries series);

    /// <summary>Back to the units of the training data, e.g. to show a reconstruction next to the raw signal.</summary>
    TimeSeries InverseTransform(TimeSeries series);

    /// <summary>Everything needed to rebuild this scaler, for a model artifact.</summary>
    ScalerState ToState();
}
