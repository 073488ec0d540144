using KukaPortal.Core.Formats;
using KukaPortal.Core.Series;
using KukaPortal.Data.Entities;
using KukaPortal.Data.Storage;

namespace KukaPortal.Web.Recordings;

/// <summary>Reads a stored recording back from its original upload.</summary>
public sealed class RecordingLoader(BlobStore blobs)
{
    public TimeSeries Load(Recording recording)
    {
        using var stream = blobs.OpenRead(recording.StorageKey);
        return CsvRecordingReader.Read(stream);
    }
}
