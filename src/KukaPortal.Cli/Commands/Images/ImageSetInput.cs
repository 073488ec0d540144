using System.Globalization;
using KukaPortal.Core.Images;
using KukaPortal.Ml.Images;

namespace KukaPortal.Cli.Commands.Images;

/// <summary>
/// Reads the image sets named after --normal or --input: a folder or a .zip, in MVTec AD layout or flat. A set the
/// reader refuses rejects the run with every reason; files it leaves out are counted, and the first few named, so
/// that an engineer sees at once whether the set was read as intended.
/// </summary>
internal static class ImageSetInput
{
    private const int SkipsShown = 5;

    /// <summary>Reads sets to score or evaluate exactly as the detector's training images were read; a flat set is all test images.</summary>
    public static ImageSetReadOptions For(ImageDetector detector) => ImageReadOptions.ForSet(detector.Settings, ImageRole.Test);

    public static ImageSetImport Read(FileInfo path, ImageSetReadOptions options, TextWriter output, CancellationToken ct)
    {
        var import = ReadSet(path, options, ct);
        var set = import.Set;
        output.WriteLine(Invariant(
            $"{path.Name}: {set.Items.Count:N0} images ({set.Train.Count():N0} training, {set.Test.Count():N0} test), {set.Layout} layout, {set.Size}×{set.Size}×{set.Channels}."));
        if (import.Skipped.Count > 0)
        {
            output.WriteLine(Invariant($"  {import.Skipped.Count:N0} file(s) left out:"));
            foreach (var skipped in import.Skipped.Take(SkipsShown))
                output.WriteLine($"    {skipped.SourceName}: {skipped.Reason}");
            if (import.Skipped.Count > SkipsShown)
                output.WriteLine(Invariant($"    … and {import.Skipped.Count - SkipsShown:N0} more."));
        }
        return import;
    }

    private static ImageSetImport ReadSet(FileInfo path, ImageSetReadOptions options, CancellationToken ct)
    {
        try
        {
            if (Directory.Exists(path.FullName))
                return ImageSetReader.ReadFolder(path.FullName, options, ct);
            if (!path.Exists)
                throw CommandFailure.Usage($"No such image folder or zip: {path.FullName}");
            using var archive = path.OpenRead();
            return ImageSetReader.ReadZip(archive, path.Name, options, ct);
        }
        catch (ImageSetException e)
        {
            throw CommandFailure.Rejected($"{path.Name}: {e.Message}");
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
