using System.Globalization;
using KukaPortal.Core.Formats;
using KukaPortal.Core.Validation;

namespace KukaPortal.Cli.Commands.Bench;

/// <summary>
/// Issue 3's import figures: each reader alone on a KUKA-sized recording, then the import the portal runs
/// once an upload is on disk (validate the file, store the cleaned series as .npz), then reading the
/// stored .npz back as training and scoring do. Every run checks the shape it got, so a reader that
/// fails fast is reported as an error, never as a fast reader.
/// </summary>
public sealed class BenchImportSuite(BenchImportFiles files, string folder, int repeat, TextWriter progress, CancellationToken ct)
{
    /// <summary>Rows of the KUKA data set of paper 000 (233,792 normal + 41,538 slow, rounded).</summary>
    public const int KukaRows = 275_000;

    private const double CsvTarget = 100;
    private const double NpyTarget = 500;
    private const double ImportTargetSeconds = 5;

    public static async Task<IReadOnlyList<BenchResult>> RunAsync(int rows, int repeat, TextWriter progress, CancellationToken ct)
    {
        var folder = Directory.CreateTempSubdirectory("kukaportal-bench-");
        try
        {
            await progress.WriteLineAsync(Invariant($"Simulating {rows:N0} rows and writing CSV, NPY and Parquet to {folder.FullName} …"));
            var files = await BenchImportFiles.WriteAsync(folder, rows, ct);
            return await new BenchImportSuite(files, folder.FullName, repeat, progress, ct).MeasureAllAsync();
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private async Task<IReadOnlyList<BenchResult>> MeasureAllAsync()
    {
        var csvSource = SourceFile.FromPath(files.Csv);
        var npySources = new[] { SourceFile.FromPath(files.Npy), SourceFile.FromPath(files.NpyNames) };
        var storedFromCsv = Path.Combine(folder, "stored-from-csv.npz");
        var storedFromNpy = Path.Combine(folder, "stored-from-npy.npz");
        return
        [
            await MeasureAsync("CSV read", "CsvRecordingReader.Read", [files.Csv], BenchTarget.AtLeast(CsvTarget), ReadCsv),
            await MeasureAsync("NPY float32 read", "NpyReader.ReadMatrix", [files.Npy], BenchTarget.AtLeast(NpyTarget), ReadNpy),
            await MeasureAsync("Parquet read", "ParquetRecordingReader.ReadAsync", [files.Parquet], BenchTarget.None, ReadParquetAsync),
            await MeasureAsync("Import CSV", "RecordingValidator.ValidateAsync + NpzSeries.Write", [files.Csv], BenchTarget.AtMost(ImportTargetSeconds),
                () => ImportAsync([csvSource], storedFromCsv)),
            await MeasureAsync("Import NPY + names", "RecordingValidator.ValidateAsync + NpzSeries.Write", [files.Npy, files.NpyNames], BenchTarget.AtMost(ImportTargetSeconds),
                () => ImportAsync(npySources, storedFromNpy)),
            await MeasureAsync("Stored .npz read", "NpzSeries.Read", [storedFromCsv], BenchTarget.None, () => ReadNpz(storedFromCsv)),
        ];
    }

    private Task<Shape> ReadCsv()
    {
        using var stream = File.OpenRead(files.Csv);
        var series = CsvRecordingReader.Read(stream, cancellationToken: ct);
        return Task.FromResult(new Shape(series.Rows, series.ChannelCount));
    }

    private Task<Shape> ReadNpy()
    {
        using var stream = File.OpenRead(files.Npy);
        var matrix = NpyReader.ReadMatrix(stream, cancellationToken: ct);
        return Task.FromResult(new Shape(matrix.Rows, matrix.Columns));
    }

    private async Task<Shape> ReadParquetAsync()
    {
        await using var stream = File.OpenRead(files.Parquet);
        var series = await ParquetRecordingReader.ReadAsync(stream, cancellationToken: ct);
        return new Shape(series.Rows, series.ChannelCount);
    }

    private static Task<Shape> ReadNpz(string path)
    {
        using var stream = File.OpenRead(path);
        var series = NpzSeries.Read(stream);
        return Task.FromResult(new Shape(series.Rows, series.ChannelCount));
    }

    /// <summary>What the portal's importer does between "the upload is on disk" and "the recording row is written".</summary>
    private async Task<Shape> ImportAsync(SourceFile[] sources, string storedPath)
    {
        var batch = await RecordingValidator.ValidateAsync(sources, cancellationToken: ct);
        var validated = batch.Recordings.Single();
        var cleaned = validated.Cleaned
            ?? throw new InvalidOperationException("The validator rejected the benchmark's recording:\n" + RecordingReportText.Render(validated.Report));
        // The same file options as the blob store's writer.
        using (var stored = new FileStream(storedPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            NpzSeries.Write(stored, cleaned);
        return new Shape(cleaned.Rows, cleaned.ChannelCount);
    }

    private async Task<BenchResult> MeasureAsync(string name, string measures, string[] paths, BenchTarget target, Func<Task<Shape>> run)
    {
        await progress.WriteLineAsync($"{name} ({measures}) …");
        var seconds = await BenchTimer.BestSecondsAsync(repeat, async () =>
        {
            var shape = await run();
            if (shape != new Shape(files.Rows, files.Channels))
                throw new InvalidOperationException(Invariant($"{name} gave {shape.Rows} × {shape.Channels}, not {files.Rows} × {files.Channels}."));
        });
        // The .npz read is measured on a file the import wrote, so its size is only known now.
        return new BenchResult(name, measures, BenchImportFiles.SizeOf(paths), files.Rows, files.Channels, seconds, target);
    }

    private readonly record struct Shape(int Rows, int Channels);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
