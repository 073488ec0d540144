using KukaPortal.Core.Formats;
using KukaPortal.Core.Series;
using KukaPortal.Data.Entities;
using KukaPortal.Data.Storage;

namespace KukaPortal.Web.Recordings;

/// <summary>Reads recordings back from the blob store.</summary>
public sealed class RecordingLoader(BlobStore blobs)
{
    public TimeSeries Load(Recording recording) => Parse(recording.StorageKey);

    public TimeSeries Parse(string key)
    {
        using var stream = blobs.OpenRead(key);
        return CsvRecordingReader.Read(stream);
    }
}
