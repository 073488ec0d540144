using System.Globalization;
using KukaPortal.Benchmarks.Harness;

namespace KukaPortal.Benchmarks.Soak;

/// <summary>What a soak saw, as a Markdown block for docs/reliability.md.</summary>
public sealed record SoakReport(
    SoakOptions Options, SoakErrors ErrorLog, Percentiles Push, Percentiles Upload, int Uploads, int Pages, int ScoringJobs, int TrainingJobs,
    long RssStart, long RssPeak, long RssEnd, string LoadBefore, string LoadAfter, string Settings)
{
    public int Errors => ErrorLog.Total;

    public string Markdown => string.Join('\n', [
        $"Date: {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC; {Environment.ProcessorCount} cores; load average {LoadBefore} before, {LoadAfter} after; {Settings}",
        $"Load: {Options.Minutes:G} min, {Options.Dashboards} dashboards on {Options.Assets} assets at {Options.WindowsPerSecond:G} windows/s each " +
        $"(a page load each every {Options.PageSeconds:G} s), {Options.Uploads} concurrent uploads of {Options.UploadRows:N0} rows, " +
        $"{Options.ScoringJobs} scoring and {Options.TrainingJobs} training jobs",
        "",
        "| Errors | " + string.Join(" | ", SoakErrors.Kinds) + " |",
        "|---:|" + string.Concat(SoakErrors.Kinds.Select(_ => "---:|")),
        $"| **{Errors}** | " + string.Join(" | ", SoakErrors.Kinds.Select(ErrorLog.Count)) + " |",
        "",
        "| Measure | Count | p50 ms | p95 ms | p99 ms | max ms |",
        "|---|---:|---:|---:|---:|---:|",
        Row("Push latency (window sent → dashboard)", Push),
        Row("Upload (multipart POST → stored)", Upload),
        "",
        $"Completed: {Uploads:N0} uploads, {Pages:N0} page loads, {ScoringJobs} scoring jobs, {TrainingJobs} training jobs.",
        $"RSS of the process (portal and clients together): start {Mb(RssStart)}, peak {Mb(RssPeak)}, end {Mb(RssEnd)}.",
        .. ErrorLog.Samples.Select(s => $"- {s}")]);

    private static string Row(string name, Percentiles p) =>
        $"| {name} | {p.Count:N0} | {Percentiles.Ms(p.P50)} | {Percentiles.Ms(p.P95)} | {Percentiles.Ms(p.P99)} | {Percentiles.Ms(p.Max)} |";

    private static string Mb(long bytes) => (bytes / 1048576.0).ToString("N0", CultureInfo.InvariantCulture) + " MB";
}
