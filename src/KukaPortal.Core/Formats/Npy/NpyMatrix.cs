using KukaPortal.Core.Series;

namespace KukaPortal.Core.Formats;

/// <summary>A numeric NPY array as row-major floats: a 1-D array is one column.</summary>
public sealed record NpyMatrix(float[] Values, int Rows, int Columns)
{
    /// <summary>The matrix as a series; without names the channels are called ch0, ch1, …</summary>
    public TimeSeries ToSeries(IReadOnlyList<string>? channelNames = null) =>
        new(channelNames ?? GeneratedNames(Columns), Values);

    /// <summary>The names a matrix without a names file gets: ch0, ch1, …</summary>
    public static string[] GeneratedNames(int count) =>
        Enumerable.Range(0, count).Select(i => "ch" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
}
