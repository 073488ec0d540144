using System.CommandLine;
using KukaPortal.Core.Formats;
using KukaPortal.Core.Series;

namespace KukaPortal.Cli.Commands;

public enum OutputFormat { Csv, Parquet, Npy }

/// <summary>Writes a generated recording in the format asked for; every format round-trips through the importer.</summary>
public static class RecordingOutput
{
    public static Option<OutputFormat> FormatOption() => new("--format")
    {
        Description = "csv and parquet keep timestamps and labels; npy writes the values and a names file (labels go to the events file).",
        DefaultValueFactory = _ => OutputFormat.Csv,
    };

    public static async Task<List<string>> WriteAsync(TimeSeries series, DirectoryInfo folder, string stem, OutputFormat format, CancellationToken ct)
    {
        folder.Create();
        var path = Path.Combine(folder.FullName, stem);
        switch (format)
        {
            case OutputFormat.Csv:
                await using (var stream = File.Create(path + ".csv"))
                    CsvRecordingWriter.Write(stream, series);
                return [path + ".csv"];
            case OutputFormat.Parquet:
                await using (var stream = File.Create(path + ".parquet"))
                    await ParquetRecordingWriter.WriteAsync(stream, series, cancellationToken: ct);
                return [path + ".parquet"];
            default:
                await using (var stream = File.Create(path + ".npy"))
                    NpyWriter.WriteMatrix(stream, series.Values, series.Rows, series.ChannelCount);
                await using (var stream = File.Create(path + "_columns.npy"))
                    NpyWriter.WriteStrings(stream, series.Channels);
                return [path + ".npy", path + "_columns.npy"];
        }
    }
}
