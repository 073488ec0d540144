using System.Globalization;
using System.Text;

namespace KukaPortal.TestSupport;

/// <summary>
/// Small synthetic robot recordings for tests: periodic joint-like channels with a little noise, and
/// optionally an obvious anomaly (a burst of large deviations) in a known row range.
/// </summary>
public static class RobotCsv
{
    public const int Channels = 6;

    public static string Normal(int rows, int seed = 1) => Build(rows, seed, anomalyStart: -1, anomalyLength: 0);

    public static string WithAnomaly(int rows, int anomalyStart, int anomalyLength, int seed = 2) => Build(rows, seed, anomalyStart, anomalyLength);

    /// <summary>Like <see cref="WithAnomaly"/>, with a <c>label</c> column (1 on the anomalous rows): a validation recording.</summary>
    public static string Labelled(int rows, int anomalyStart, int anomalyLength, int seed = 2) => Build(rows, seed, anomalyStart, anomalyLength, labelled: true);

    private static string Build(int rows, int seed, int anomalyStart, int anomalyLength, bool labelled = false)
    {
        var random = new Random(seed);
        var text = new StringBuilder();
        text.Append("timestamp");
        for (var c = 0; c < Channels; c++) text.Append(",axis").Append(c + 1).Append("_current");
        if (labelled) text.Append(",label");
        text.Append('\n');
        for (var r = 0; r < rows; r++)
        {
            text.Append((r * 0.012).ToString("F3", CultureInfo.InvariantCulture));
            var anomalous = r >= anomalyStart && r < anomalyStart + anomalyLength;
            for (var c = 0; c < Channels; c++)
            {
                // A period that no window stride divides, so training windows see every phase of the motion.
                var value = Math.Sin(2 * Math.PI * r / 47.3 + c) * (1 + 0.2 * c) + 0.02 * (random.NextDouble() - 0.5);
                if (anomalous) value += (c % 2 == 0 ? 3.0 : -3.0) * (0.5 + random.NextDouble());
                text.Append(',').Append(value.ToString("G6", CultureInfo.InvariantCulture));
            }
            if (labelled) text.Append(anomalous ? ",1" : ",0");
            text.Append('\n');
        }
        return text.ToString();
    }
}
