using static KukaPortal.Cli.Commands.Bench.Ml.MlBenchMarkdown;

namespace KukaPortal.Cli.Commands.Bench.Ml;

/// <summary><c>bench images</c> as Markdown for docs/performance.md.</summary>
internal static class ImageBenchMarkdown
{
    public static string Render(ImageBenchReport report)
    {
        var text = Header(report.Command, report.Date, report.Machine, report.Torch);
        text.Append(Invariant($"{report.Size}×{report.Size} simulated surfaces; one `ImageDetector.Score` call per batch (batch tensor, score terms, anomaly map, normalisation) against the model's forward pass alone on the same batch size; best of {report.Repeat} timed runs after a warm-up.\n\n"));
        text.Append("| Model | Size | Channels | Batch | Scored images/s | Forward-only images/s | Scored / forward | Scores finite |\n");
        text.Append("|---|---:|---:|---:|---:|---:|---:|---|\n");
        foreach (var r in report.Results)
            text.Append(Invariant($"| {r.Model} | {r.Size} | {r.Channels} | {r.Batch} | {r.ScoredImagesPerSecond:N1} | {r.ForwardImagesPerSecond:N1} | {r.ScoredImagesPerSecond / r.ForwardImagesPerSecond:N2} | {(r.FiniteScores ? "yes" : "**no**")} |\n"));
        return text.ToString();
    }
}
