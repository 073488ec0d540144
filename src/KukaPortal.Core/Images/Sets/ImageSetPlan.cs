using KukaPortal.Core.Formats;

namespace KukaPortal.Core.Images;

/// <summary>An image file to read, where the set's layout puts it, and the mask file that belongs to it.</summary>
internal sealed record ImageCandidate(string Path, ImageRole Role, string? Label, string? MaskPath);

/// <summary>
/// What a set's file names alone say: its layout, the images to read and their masks, and the files left out
/// with the reason. Built before any file is read, so that masks can be paired with their images.
/// </summary>
internal sealed record ImageSetPlan(ImageSetLayout Layout, IReadOnlyList<ImageCandidate> Images, IReadOnlyList<SkippedFile> Skipped)
{
    private const string MaskSuffix = "_mask";

    public static ImageSetPlan For(IReadOnlyList<string> paths, ImageRole flatRole)
    {
        var root = CommonRoot(paths);
        var relative = paths.Select(p => (Path: p, Segments: p[root.Length..].Split('/'))).ToArray();
        if (!relative.Any(r => r.Segments.Length >= 3 && r.Segments[0] is "train" or "test"))
        {
            var label = flatRole == ImageRole.Train ? ImageSetItem.GoodLabel : null;
            return new(ImageSetLayout.Flat, paths.Select(p => new ImageCandidate(p, flatRole, label, null)).ToArray(), []);
        }
        return Mvtec(relative);
    }

    private static ImageSetPlan Mvtec((string Path, string[] Segments)[] files)
    {
        var skipped = new List<SkippedFile>();
        var masks = new Dictionary<string, string>(StringComparer.Ordinal);
        var images = new List<(string Path, ImageRole Role, string Label, string Key)>();
        foreach (var (path, segments) in files)
        {
            if (segments.Length < 3 || segments[0] is not ("train" or "test" or "ground_truth"))
            {
                skipped.Add(new(path, "It is not inside train/<label>/, test/<label>/ or ground_truth/<label>/ of the MVTec AD layout."));
                continue;
            }
            var (folder, label) = (segments[0], segments[1]);
            var key = label + "/" + WithoutExtension(string.Join('/', segments[2..]));
            if (folder == "ground_truth")
                masks[key.EndsWith(MaskSuffix, StringComparison.Ordinal) ? key[..^MaskSuffix.Length] : key] = path;
            else if (folder == "train" && label != ImageSetItem.GoodLabel)
                skipped.Add(new(path, $"Training images must be defect-free; only train/good/ is read, not train/{label}/."));
            else
                images.Add((path, folder == "train" ? ImageRole.Train : ImageRole.Test, label, key));
        }

        var claimed = new HashSet<string>(StringComparer.Ordinal);
        var candidates = new List<ImageCandidate>();
        foreach (var (path, role, label, key) in images)
        {
            var mask = role == ImageRole.Test && masks.TryGetValue(key, out var maskPath) ? maskPath : null;
            if (mask is not null) claimed.Add(mask);
            candidates.Add(new(path, role, label, mask));
        }
        foreach (var mask in masks.Values.Where(m => !claimed.Contains(m)))
            skipped.Add(new(mask, "It is a mask without an image: no test/<label>/ image has its name (without _mask)."));
        return new(ImageSetLayout.Mvtec, candidates, skipped);
    }

    /// <summary>"bottle/" when every path starts with that folder (how MVTec AD's own archives are packed), else "".</summary>
    private static string CommonRoot(IReadOnlyList<string> paths)
    {
        if (paths.Count == 0 || paths.Any(p => !p.Contains('/'))) return "";
        var first = paths[0][..(paths[0].IndexOf('/') + 1)];
        return first is "train/" or "test/" or "ground_truth/" || !paths.All(p => p.StartsWith(first, StringComparison.Ordinal)) ? "" : first;
    }

    private static string WithoutExtension(string path)
    {
        var dot = path.LastIndexOf('.');
        return dot > path.LastIndexOf('/') + 1 ? path[..dot] : path;
    }
}
