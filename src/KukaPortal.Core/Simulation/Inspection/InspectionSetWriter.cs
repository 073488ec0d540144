using System.Globalization;
using KukaPortal.Core.Images;

namespace KukaPortal.Core.Simulation.Inspection;

/// <summary>
/// Writes a simulated set in MVTec AD layout: <c>train/good/000.png</c>, <c>test/good/</c>,
/// <c>test/&lt;defect&gt;/</c> and <c>ground_truth/&lt;defect&gt;/000_mask.png</c> (0/255 grey PNG).
/// </summary>
public static class InspectionSetWriter
{
    /// <summary>Writes every image and mask and returns how many files were written per folder, in order.</summary>
    public static IReadOnlyList<(string Folder, int Files)> Write(string folder, InspectionSimulationOptions options, CancellationToken cancellationToken = default)
    {
        var counts = new List<(string Folder, int Files)>();
        var digits = Math.Max(3, Math.Max(options.Train, Math.Max(options.TestGood, options.TestDefectPerKind)).ToString(CultureInfo.InvariantCulture).Length);
        foreach (var sample in InspectionSimulator.Generate(options))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var key = sample.Key;
            var name = key.Index.ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0');
            var imageFolder = Path.Combine(key.Role == ImageRole.Train ? "train" : "test", key.Label);
            WriteFile(folder, imageFolder, name + ".png", ImageEncoder.Png(sample.Image), counts);
            if (sample.Mask is { } mask)
                WriteFile(folder, Path.Combine("ground_truth", key.Label), name + "_mask.png", ImageEncoder.Png(mask), counts);
        }
        return counts;
    }

    private static void WriteFile(string root, string subfolder, string name, byte[] bytes, List<(string Folder, int Files)> counts)
    {
        var target = Path.Combine(root, subfolder);
        Directory.CreateDirectory(target);
        File.WriteAllBytes(Path.Combine(target, name), bytes);
        var folder = subfolder.Replace('\\', '/');
        var at = counts.FindIndex(c => c.Folder == folder);
        if (at < 0) counts.Add((folder, 1));
        else counts[at] = (folder, counts[at].Files + 1);
    }
}
