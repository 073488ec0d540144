using System.Globalization;
using System.Text.Json;

namespace KukaPortal.Cli.Tests;

/// <summary>
/// <c>experiment paper-tables</c> end to end on the generated KUKA-like pair with a one-cell grid of a tiny model:
/// the tables are checked for shape and for agreeing with the JSON, not for detection quality.
/// </summary>
public sealed class PaperTablesTests(GeneratedRecordingsFixture fixture) : IClassFixture<GeneratedRecordingsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_one_cell_grid_writes_table_I_matching_the_json_and_the_strict_table()
    {
        var folder = fixture.File("tables");

        var run = await Cli.RunAsync("experiment", "paper-tables", "--normal", fixture.NormalNpy, "--abnormal", fixture.SlowNpy, "--out", folder,
            "--windows", "30", "--latents", "8", "--models", "conv-ae", "--iterations", "30", "--width", "4", "--device", "cpu");

        run.ExitCode.ShouldBe(0, run.ToString());
        run.OutputLines.ShouldContain(l => l.StartsWith("cell 1/2 conv-ae W=30 L=8: AP ", StringComparison.Ordinal) && l.Contains("ETA"));
        var markdown = await File.ReadAllTextAsync(Path.Combine(folder, "paper-tables.md"), Ct);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "paper-tables.json"), Ct));

        markdown.ShouldContain("## Table I: autoencoder experiments (conv-ae)");
        markdown.ShouldContain("| 30 | 30 | 79.43 | 75.25 | – | 77.53 | 5000 | – | paper 000 (real KUKA) |");
        markdown.ShouldContain("--windows 30 --latents 8 --models conv-ae --iterations 30");
        var cellRow = TableRows(markdown, "this run").Single();
        cellRow[..2].ShouldBe(["30", "8"]);
        var cell = json.RootElement.GetProperty("cells").EnumerateArray().Single();
        cell.GetProperty("split").GetProperty("normalTraining").GetProperty("end").GetInt32().ShouldBe(16_833); // 18,703 − 1,870
        cell.GetProperty("validationWindows").GetInt32().ShouldBe(185 + 11);           // 1,870 normal rows at stride 10 + 332 slow rows at stride 30
        cell.GetProperty("validationAnomalous").GetInt32().ShouldBe(11);
        cell.GetProperty("testWindows").GetInt32().ShouldBe(99);                        // 2,991 slow rows / 30
        double[] percents = [Percent(cellRow[2]), Percent(cellRow[3]), Percent(cellRow[5])];
        percents.ShouldAllBe(p => p >= 0 && p <= 100);
        cellRow[2].ShouldBe(Formatted(cell.GetProperty("averagePrecision")));
        cellRow[3].ShouldBe(Formatted(cell.GetProperty("f1Max")));
        cellRow[5].ShouldBe(Formatted(cell.GetProperty("testRecall")));

        markdown.ShouldContain("## Strict variant: held-out normal test windows");
        var strict = json.RootElement.GetProperty("strict").EnumerateArray().Single();
        strict.GetProperty("normalTestWindows").GetInt32().ShouldBe(185);               // last 1,870 rows of normal at stride 10
        TableRows(markdown, "conv-ae").Single()[10].ShouldBe(Formatted(strict.GetProperty("falseAlarmRate")));
        json.RootElement.GetProperty("labelling").GetString()!.ShouldContain("3,323 of 3,323 rows anomalous");
    }

    [Fact]
    public async Task A_grid_value_that_is_not_a_number_is_a_usage_error()
    {
        var run = await Cli.RunAsync("experiment", "paper-tables", "--normal", fixture.NormalNpy, "--abnormal", fixture.SlowNpy,
            "--out", fixture.File("never"), "--lambdas", "1e-3,big");

        run.ExitCode.ShouldBe(1, run.ToString());
        run.Error.Trim().ShouldBe("--lambdas: 'big' is not a number.");
    }

    /// <summary>The cells of the Markdown table rows whose last cell (Table I) or first cell (strict table) is <paramref name="marker"/>.</summary>
    private static List<string[]> TableRows(string markdown, string marker) =>
        markdown.Split('\n')
            .Where(l => l.StartsWith('|'))
            .Select(l => l.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray())
            .Where(c => c[^1] == marker || c[0] == marker)
            .ToList();

    private static double Percent(string cell) => double.Parse(cell, CultureInfo.InvariantCulture);

    private static string Formatted(JsonElement fraction) => (100 * fraction.GetDouble()).ToString("F2", CultureInfo.InvariantCulture);
}
