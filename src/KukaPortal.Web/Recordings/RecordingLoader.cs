using KukaPortal.Core.Formats;
using KukaPortal.Core.Series;
using KukaPortal.Data.Entities;
using KukaPortal.Data.Storage;

namespace KukaPortal.Web.Recordings;

/// <summary>Loads a stored recording's validated data (.npz), as training and scoring jobs need it.</summary>
public sealed class RecordingLoader(BlobStore blobs)
{
    public TimeSeries Load(Recording recording)
    {
        using var stream = blobs.OpenRead(recording.DataKey);
        return NpzSeries.Read(stream);
    }
}
