namespace KukaPortal.Cli.Tests;

/// <summary>Smoke tests only: the bench's numbers depend on the machine, so nothing here asserts on speed.</summary>
public class BenchImportTests
{
    [Fact]
    public async Task Prints_a_markdown_table_with_a_row_per_measurement()
    {
        var run = await Cli.RunAsync("bench", "import", "--rows", "2000", "--repeat", "1");

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Output.ShouldContain("Command: `kukaportal bench import --rows 2000 --repeat 1`");
        run.Output.ShouldContain($"{Environment.ProcessorCount} cores");
        run.OutputLines.ShouldContain("| Format | File MB | Rows × channels | Best s | MB/s | Target |");
        var rows = run.OutputLines.Where(line => line.StartsWith("| ", StringComparison.Ordinal) && line.Contains(" | 2,000 × 86 | ")).ToArray();
        rows.Select(line => line.Split(" (`")[0]).ShouldBe([
            "| CSV read", "| NPY float32 read", "| Parquet read", "| Import CSV", "| Import NPY + names", "| Stored .npz read",
        ]);
        rows[0].ShouldContain("≥ 100 MB/s");
        rows[1].ShouldContain("≥ 500 MB/s");
        rows[3].ShouldContain("≤ 5 s");
    }

    [Fact]
    public async Task Refuses_a_repeat_count_below_one()
    {
        var run = await Cli.RunAsync("bench", "import", "--repeat", "0");

        run.ExitCode.ShouldBe(1, run.ToString());
        run.Error.ShouldContain("--repeat must be at least 1.");
    }
}
