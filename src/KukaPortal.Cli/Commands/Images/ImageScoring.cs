using System.Globalization;
using System.Text;
using KukaPortal.Core.Images;
using KukaPortal.Ml.Images;

namespace KukaPortal.Cli.Commands.Images;

/// <summary>
/// <c>score --model IMAGE-MODEL --input DIR|ZIP... --out scores.csv</c>: one CSV row per test image (every image of
/// a flat set) with its score, calibrated score, verdict and normalised score terms; with <c>--maps DIR</c> also one
/// PNG strip per image for looking at (see <see cref="InspectionStrips"/>).
/// </summary>
internal static class ImageScoring
{
    public static IReadOnlyList<string> Run(ImageDetector detector, IReadOnlyList<FileInfo> inputs, FileInfo outFile, DirectoryInfo? maps,
        TextWriter output, CancellationToken ct)
    {
        var sets = inputs.Select(input => (input, set: ImageSetInput.Read(input, ImageSetInput.For(detector), output, ct).Set)).ToArray();
        var terms = detector.Metadata.Terms.Select(t => t.Name).ToArray();
        var summary = new List<string>();
        Directory.CreateDirectory(outFile.DirectoryName!);
        using (var file = new StreamWriter(outFile.FullName, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
        {
            file.WriteLine(string.Join(',', new[] { "input", "path", "label", "score", "calibrated", "above_threshold" }.Concat(terms.Select(CsvText.Field))));
            foreach (var (input, set) in sets)
            {
                ct.ThrowIfCancellationRequested();
                var items = set.Test.ToArray();
                var images = items.Select(i => i.Image).ToArray();
                // With --maps one pass gives the scores and the strips' reconstructions and maps.
                var explanations = maps is null ? null : detector.Explain(images);
                var scores = explanations?.Select(e => e.Score).ToArray() ?? detector.Score(images);
                for (var i = 0; i < items.Length; i++)
                    file.WriteLine(Row(input.Name, items[i], scores[i], terms));
                if (explanations is not null)
                    InspectionStrips.Write(detector, input.Name, items, explanations!, maps!, ct);
                summary.Add(Invariant($"{input.Name}: {items.Length} images, {scores.Count(s => s.AboveThreshold)} above the threshold."));
            }
        }
        summary.Add($"Wrote {outFile.FullName}");
        if (maps is not null)
            summary.Add($"Wrote input | reconstruction | heatmap | mask strips under {maps.FullName}");
        return summary;
    }

    private static string Row(string input, ImageSetItem item, ImageScore score, IReadOnlyList<string> terms) =>
        string.Join(',', new[]
        {
            CsvText.Field(input), CsvText.Field(item.Path), CsvText.Field(item.Label ?? ""), CsvText.Number(score.Score),
            CsvText.Number(score.Calibrated), score.AboveThreshold ? "true" : "false",
        }.Concat(terms.Select(t => CsvText.Number(score.Terms[t]))));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
