using System.Globalization;
using KukaPortal.Core.Formats;

namespace KukaPortal.Core.Images;

/// <summary>
/// Reads and decodes the files of one import, one image (and its mask) at a time, sorting each problem into
/// a set-level error or a listed skip. Counts the bytes actually read across all files, because a zip
/// entry's or a file's declared size is only a claim.
/// </summary>
internal sealed class ImageSetReading(ImageDecodeOptions decoding, long maxTotalBytes)
{
    private long _bytesRead;

    public List<string> Errors { get; } = [];
    public List<SkippedFile> Skipped { get; } = [];

    public ImageSetItem? Item(ImageCandidate candidate, IReadOnlyDictionary<string, SourceFile> files)
    {
        var image = Decode(candidate.Path, files[candidate.Path], mask: false);
        if (image is null)
        {
            if (candidate.MaskPath is { } orphan) Skipped.Add(new(orphan, $"Its image '{candidate.Path}' was left out."));
            return null;
        }

        PlanarImage? mask = null;
        if (candidate.MaskPath is { } maskPath && Decode(maskPath, files[maskPath], mask: true) is { } decodedMask)
        {
            if ((decodedMask.SourceWidth, decodedMask.SourceHeight) == (image.SourceWidth, image.SourceHeight))
                mask = decodedMask.Image;
            else
                Skipped.Add(new(maskPath, Invariant(
                    $"The mask is {decodedMask.SourceWidth}×{decodedMask.SourceHeight} pixels but its image '{candidate.Path}' is {image.SourceWidth}×{image.SourceHeight}; the image is kept without a mask.")));
        }
        return new ImageSetItem(candidate.Path, candidate.Role, candidate.Label, image.Image, mask, image.Valid);
    }

    private DecodedImage? Decode(string path, SourceFile file, bool mask)
    {
        byte[] bytes;
        try
        {
            bytes = ReadAll(file);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
        {
            // A damaged entry (unknown compression method, broken deflate data) is one corrupt file, like an undecodable one.
            Skipped.Add(new(path, $"It cannot be read from the archive: {e.Message}"));
            return null;
        }
        if (ImageSetReader.IsZip(bytes))
            throw new ImageSetException($"'{path}' is a zip archive; nested archives are not imported.");
        try
        {
            return mask ? ImageDecoder.DecodeMask(bytes, decoding) : ImageDecoder.Decode(bytes, decoding);
        }
        catch (ImageFormatException e) when (e.Kind == ImageErrorKind.TooLarge)
        {
            Errors.Add($"'{path}': {e.Message}");
        }
        catch (ImageFormatException e)
        {
            Skipped.Add(new(path, e.Message));
        }
        return null;
    }

    private byte[] ReadAll(SourceFile file)
    {
        using var stream = file.Open();
        var buffer = new MemoryStream(file.Length is { } length ? (int)Math.Min(length, int.MaxValue) : 0);
        var chunk = new byte[81920];
        int got;
        try
        {
            while ((got = stream.Read(chunk)) > 0)
            {
                _bytesRead += got;
                if (_bytesRead > maxTotalBytes)
                    throw new ImageSetException(Invariant($"The set's files hold more than {maxTotalBytes:N0} bytes, the limit."));
                buffer.Write(chunk, 0, got);
            }
        }
        catch (RecordingFormatException e)
        {
            // A zip entry that inflates past its declared size or fails its checksum: the archive lied.
            throw new ImageSetException(e.Message);
        }
        return buffer.ToArray();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
