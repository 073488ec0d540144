using System.Globalization;
using KukaPortal.Core.Series;

namespace KukaPortal.Cli.Commands.Experiments.Benchmarks;

/// <summary>
/// The Tennessee Eastman files of Braatz et al.: whitespace-separated numbers, 52 columns (XMEAS 1–41, XMV 1–11),
/// no header. <c>d00.dat</c> (normal operation) is stored transposed, 52 × 500; every <c>dNN_te.dat</c> test file
/// is 960 × 52 with its fault switched on after row 160. A benchmark-only reader: these files are not a format
/// the portal accepts from users.
/// </summary>
internal static class TennesseeEastmanData
{
    public const int FaultOnsetRow = 160;
    private const int Columns = 52;

    public static IReadOnlyList<string> Channels { get; } =
        [.. Enumerable.Range(1, 41).Select(i => $"xmeas_{i}"), .. Enumerable.Range(1, 11).Select(i => $"xmv_{i}")];

    /// <summary>Train on d00, set the threshold on d00_te (normal), test on every fault's d01_te … d21_te.</summary>
    public static BenchmarkData Load(DirectoryInfo folder)
    {
        var training = Read(Required(folder, "d00.dat"));
        var thresholdNormal = Read(Required(folder, "d00_te.dat"));

        var cases = new List<BenchmarkCase>();
        for (var fault = 1; fault <= 21; fault++)
        {
            var path = Path.Combine(folder.FullName, $"d{fault:00}_te.dat");
            if (!File.Exists(path))
                continue;
            var series = Read(path);
            cases.Add(new BenchmarkCase($"IDV({fault})", series, [.. Enumerable.Range(0, series.Rows).Select(r => r >= FaultOnsetRow)]));
        }
        if (cases.Count == 0)
            throw CommandFailure.Rejected($"{folder.FullName} holds no fault test files (d01_te.dat … d21_te.dat).");

        return new BenchmarkData("Tennessee Eastman", training, thresholdNormal, cases,
            $"Trained on d00.dat ({training.Rows} rows); threshold = 99th percentile of the sample scores on d00_te.dat (normal, {thresholdNormal.Rows} rows); " +
            $"each fault's test file is normal for rows 0–{FaultOnsetRow - 1} and faulty from row {FaultOnsetRow}.");
    }

    /// <summary>Reads one file into rows × 52, transposing the 52 × N layout of d00.dat.</summary>
    public static TimeSeries Read(string path)
    {
        var rows = File.ReadLines(path)
            .Where(line => !string.IsNullOrWhiteSpace(line))
            .Select((line, index) => ParseLine(line, index + 1, path))
            .ToList();
        var width = rows[0].Length;
        if (rows.Any(r => r.Length != width))
            throw CommandFailure.Rejected($"{Path.GetFileName(path)}: rows have different numbers of values.");

        if (width == Columns)
            return new TimeSeries(Channels, [.. rows.SelectMany(r => r)]);
        if (rows.Count == Columns)
        {
            var values = new float[width * Columns];
            for (var channel = 0; channel < Columns; channel++)
                for (var t = 0; t < width; t++)
                    values[t * Columns + channel] = rows[channel][t];
            return new TimeSeries(Channels, values);
        }
        throw CommandFailure.Rejected($"{Path.GetFileName(path)}: expected 52 values per row (or 52 rows, as in d00.dat), found {rows.Count} × {width}.");
    }

    private static float[] ParseLine(string line, int lineNumber, string path) =>
        [.. line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(field =>
            float.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw CommandFailure.Rejected($"{Path.GetFileName(path)}, line {lineNumber}: '{field}' is not a number."))];

    private static string Required(DirectoryInfo folder, string name)
    {
        var path = Path.Combine(folder.FullName, name);
        return File.Exists(path) ? path : throw CommandFailure.Usage($"{folder.FullName} has no {name}; is it the Tennessee Eastman folder?");
    }
}
