using System.Globalization;
using System.Text;

namespace KukaPortal.Cli.Tests.Benchmarks;

/// <summary>Small stand-ins for the public benchmark folders, in their real file layouts, with known anomalies.</summary>
internal static class BenchmarkFiles
{
    /// <summary>A Tennessee Eastman folder: d00.dat transposed (52 × rows), d00_te.dat normal, d01_te.dat with a large shift from row 160, d02_te.dat without any change.</summary>
    public static void WriteTennesseeEastman(string folder, int trainingRows = 400, int testRows = 320)
    {
        var random = new Random(5);
        var d00 = Rows(trainingRows, random, shiftFrom: null);
        File.WriteAllLines(Path.Combine(folder, "d00.dat"),
            Enumerable.Range(0, 52).Select(c => string.Join("  ", d00.Select(row => Number(row[c])))));
        Write(Path.Combine(folder, "d00_te.dat"), Rows(testRows, random, shiftFrom: null));
        Write(Path.Combine(folder, "d01_te.dat"), Rows(testRows, random, shiftFrom: 160));
        Write(Path.Combine(folder, "d02_te.dat"), Rows(testRows, random, shiftFrom: null));
    }

    /// <summary>A CNC milling folder in pandas' layout (unnamed index column, text columns at the end): runs 1–3 unworn, 4 worn (a shifted current).</summary>
    public static void WriteCncMilling(string folder, int rows = 300)
    {
        var random = new Random(9);
        for (var run = 1; run <= 4; run++)
        {
            var worn = run == 4;
            var text = new StringBuilder(",X1_ActualPosition,X1_CurrentFeedback,S1_OutputPower,Machining_Process,tool_condition\n");
            for (var r = 0; r < rows; r++)
            {
                var phase = 2 * Math.PI * r / 25;
                var current = Math.Sin(phase) + (worn ? 4 : 0) + 0.05 * random.NextDouble();
                text.Append(CultureInfo.InvariantCulture,
                    $"{r},{Math.Cos(phase) * 10:F4},{current:F4},{0.5 * Math.Sin(phase + 1):F4},Layer 1 Up,{(worn ? "worn" : "unworn")}\n");
            }
            File.WriteAllText(Path.Combine(folder, $"experiment_{run:00}.csv"), text.ToString());
        }
    }

    private static List<float[]> Rows(int count, Random random, int? shiftFrom) =>
        [.. Enumerable.Range(0, count).Select(r => Enumerable.Range(0, 52).Select(c =>
            (float)(Math.Sin(2 * Math.PI * r / (20 + c % 7) + c) + 0.1 * random.NextDouble() + (r >= shiftFrom && c < 10 ? 6 : 0))).ToArray())];

    private static void Write(string path, List<float[]> rows) =>
        File.WriteAllLines(path, rows.Select(row => "  " + string.Join("  ", row.Select(Number))));

    private static string Number(float value) => value.ToString("E7", CultureInfo.InvariantCulture);
}
