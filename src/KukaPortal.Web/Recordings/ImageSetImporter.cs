using System.Globalization;
using KukaPortal.Core.Formats;
using KukaPortal.Core.Images;
using KukaPortal.Core.Validation;
using KukaPortal.Data;
using KukaPortal.Data.Entities;
using KukaPortal.Data.Storage;

namespace KukaPortal.Web.Recordings;

/// <summary>
/// Turns an uploaded zip into an inspection station's image-set recordings. The whole set is read and validated
/// first (<see cref="ImageSetReader.ReadZip"/>: every refusal reported, every skipped file listed); only then are the
/// <see cref="ImageSetArchive"/> .npz files written and the recording rows added in one SaveChanges. An MVTec zip
/// gives "&lt;zip&gt;/train" (Normal) and "&lt;zip&gt;/test" (Scoring, with labels and masks); a flat zip one
/// recording of the purpose the uploader chose. All recordings of one zip share it as their kept original.
/// </summary>
public sealed class ImageSetImporter(BlobStore blobs, TimeProvider time)
{
    /// <summary>One recording-to-be: its name, purpose and images (only its own role's).</summary>
    public sealed record Part(string Name, RecordingPurpose Purpose, ImageSet Set, RecordingReport Report);

    public sealed record ValidatedSet(UploadedFile File, IReadOnlyList<Part> Parts, IReadOnlyList<SkippedFile> Skipped)
    {
        public IReadOnlyList<RecordingReport> Reports => Parts.Select(p => p.Report).ToArray();
    }

    /// <summary>Reads and validates; stores nothing. Either the validated set or the rejection comes back.</summary>
    public async Task<(ValidatedSet? Set, ImportOutcome? Rejection)> CheckAsync(Asset asset, IReadOnlyList<UploadedFile> files, ImportRequest request, CancellationToken ct)
    {
        if (files.Count != 1)
            return (null, Rejected("upload", $"Asset '{asset.Name}' is an inspection station: upload one image set (a single .zip) at a time, not {files.Count} files."));
        var file = files[0];
        if (!UploadKind.IsZip(blobs, file))
            return (null, Rejected(file.Name, $"Asset '{asset.Name}' is an inspection station: it takes image sets, a .zip of PNG, JPEG or BMP images " +
                "(MVTec AD layout: train/good, test/<defect>, ground_truth; or flat), not time-series recordings such as CSV, NPY or Parquet. " +
                $"'{file.Name}' is not a zip."));

        var options = request.Images ?? ImageImportOptions.Default;
        var flatRole = request.Purpose == RecordingPurpose.Normal ? ImageRole.Train : ImageRole.Test;
        ImageSetImport import;
        try
        {
            import = await Task.Run(() =>
            {
                using var stream = blobs.OpenRead(file.Blob.Key);
                return ImageSetReader.ReadZip(stream, file.Name, options.ReadOptions(flatRole), ct);
            }, ct);
        }
        catch (ImageSetException e)
        {
            return (null, new ImportOutcome([], [new RecordingReport { Source = file.Name, Errors = e.Errors.Select(m => new ValidationIssue("image-set", m)).ToArray() }], []));
        }

        var (set, greyNote) = options.Colour == ImageColour.Auto && IsAllGrey(import.Set) ? (ToGrey(import.Set), true) : (import.Set, false);
        (ImageRole Role, string Name, RecordingPurpose Purpose)[] parts = set.Layout == ImageSetLayout.Mvtec
            ? [(ImageRole.Train, $"{file.Name}/train", RecordingPurpose.Normal), (ImageRole.Test, $"{file.Name}/test", RecordingPurpose.Scoring)]
            : [(flatRole, file.Name, request.Purpose)];
        var built = parts
            .Select(p => (p.Name, p.Purpose, Set: set with { Items = set.Items.Where(i => i.Role == p.Role).ToArray() }))
            .Where(p => p.Set.Items.Count > 0)
            .Select(p => new Part(p.Name, p.Purpose, p.Set, Report(p.Name, p.Purpose, p.Set, options.Fit, greyNote)))
            .ToArray();
        return (new ValidatedSet(file, built, import.Skipped), null);
    }

    /// <summary>Writes the validated set's archives and adds its rows to <paramref name="db"/>, saved together; deletes the archives if saving fails.</summary>
    public async Task<IReadOnlyList<Recording>> StoreAsync(PortalDbContext db, int assetId, ValidatedSet validated, string? user, CancellationToken ct)
    {
        var written = new List<string>();
        try
        {
            var recordings = new List<Recording>();
            foreach (var part in validated.Parts)
            {
                var data = await Task.Run(() => blobs.Write("recordings", ".npz", stream => ImageSetArchive.Write(stream, part.Set)), ct);
                written.Add(data.Key);
                recordings.Add(new Recording
                {
                    AssetId = assetId, FileName = part.Name, Format = Recording.ImageSetFormat, Purpose = part.Purpose,
                    Sha256 = validated.File.Blob.Sha256, SizeBytes = validated.File.Blob.SizeBytes, OriginalKey = validated.File.Blob.Key,
                    DataKey = data.Key, Rows = part.Set.Items.Count, Channels = ChannelNames(part.Set.Channels),
                    AnomalousRows = part.Set.Items.Any(i => i.Label is not null) ? part.Set.Items.Count(i => i.IsDefect) : null,
                    Report = RecordingReportJson.Serialize(part.Report), UploadedAt = time.GetUtcNow(), UploadedBy = user,
                });
            }
            db.Recordings.AddRange(recordings);
            await db.SaveChangesAsync(ct); // one statement batch in one transaction: all rows or none
            return recordings;
        }
        catch
        {
            foreach (var key in written) blobs.Delete(key);
            throw;
        }
    }

    public static string[] ChannelNames(int channels) => channels == 1 ? ["grey"] : ["r", "g", "b"];

    /// <summary>True when every image's three planes are equal: such a set is stored grey, a third of the size, and loses nothing.</summary>
    private static bool IsAllGrey(ImageSet set)
    {
        if (set.Channels == 1) return true;
        var plane = set.Size * set.Size;
        foreach (var item in set.Items)
        {
            var p = item.Image.Pixels;
            for (var i = 0; i < plane; i++)
                if (p[i] != p[plane + i] || p[i] != p[2 * plane + i]) return false;
        }
        return true;
    }

    private static ImageSet ToGrey(ImageSet set) => set.Channels == 1 ? set : set with
    {
        Channels = 1,
        Items = set.Items.Select(i => i with { Image = Luminance.ToGrey(i.Image) }).ToArray(),
    };

    private static RecordingReport Report(string name, RecordingPurpose purpose, ImageSet set, ImageFit fit, bool greyChosen)
    {
        var labelled = set.Items.Where(i => i.Label is not null).ToArray();
        var notes = new List<string>
        {
            Invariant($"{(set.Layout == ImageSetLayout.Mvtec ? "MVTec AD" : "Flat")} image set: {set.Items.Count:N0} images at {set.Size}×{set.Size} {(set.Channels == 1 ? "grey" : "RGB")}, fitted by {fit}."),
        };
        if (labelled.Length > 0)
            notes.Add("Labels: " + string.Join(", ", labelled.GroupBy(i => i.Label!).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => Invariant($"{g.Key} {g.Count()}{(g.Any(i => i.Mask is not null) ? $" ({g.Count(i => i.Mask is not null)} with masks)" : "")}"))) + ".");
        if (greyChosen)
            notes.Add("Every image is grey, so the set is stored with one colour plane.");
        return new RecordingReport
        {
            Source = name, Name = name, Format = null, Rows = set.Items.Count, ChannelCount = set.Channels,
            Role = purpose == RecordingPurpose.Normal ? RecordingRole.Normal : RecordingRole.Unspecified,
            Labels = labelled.Length > 0 ? new LabelReport(labelled.Count(i => !i.IsDefect), labelled.Count(i => i.IsDefect)) : null,
            Notes = notes,
        };
    }

    private static ImportOutcome Rejected(string source, string problem) =>
        new([], [new RecordingReport { Source = source, Errors = [new ValidationIssue("rejected", problem)] }], []);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
