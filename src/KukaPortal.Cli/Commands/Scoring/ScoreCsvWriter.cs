using System.Globalization;
using KukaPortal.Core.Series;
using KukaPortal.Core.Windowing;
using KukaPortal.Ml.Scoring;

namespace KukaPortal.Cli.Commands.Scoring;

/// <summary>
/// Writes window scores as CSV, one row per window. Times are the first and last sample's timestamps and
/// stay empty when the recording has none (a row index is not a time). top_channels names the three
/// channels with the largest reconstruction error, the first place an engineer would look.
/// </summary>
internal sealed class ScoreCsvWriter(TextWriter writer, IReadOnlyList<string> channels)
{
    public const string Header = "file,window,start_row,end_row,start_time,end_time,score,calibrated,above_threshold,top_channels";
    private const int TopChannels = 3;

    public void WriteHeader() => writer.WriteLine(Header);

    public void Write(string file, TimeSeries series, WindowScore score)
    {
        var span = new WindowSpan(score.Index, score.StartRow, score.EndRow - score.StartRow);
        var start = series.Timestamps is null ? "" : CsvText.Number(span.StartTime(series));
        var end = series.Timestamps is null ? "" : CsvText.Number(span.EndTime(series));
        var top = string.Join(';', Enumerable.Range(0, score.ChannelErrors.Length)
            .OrderByDescending(c => score.ChannelErrors[c]).ThenBy(c => c).Take(TopChannels).Select(c => channels[c]));
        writer.WriteLine(string.Join(',',
            CsvText.Field(file), score.Index.ToString(CultureInfo.InvariantCulture), score.StartRow.ToString(CultureInfo.InvariantCulture),
            score.EndRow.ToString(CultureInfo.InvariantCulture), start, end, CsvText.Number(score.Score), CsvText.Number(score.Calibrated),
            score.AboveThreshold ? "true" : "false", CsvText.Field(top)));
    }
}
