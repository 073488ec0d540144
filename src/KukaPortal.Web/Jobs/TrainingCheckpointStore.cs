using KukaPortal.Data.Storage;
using KukaPortal.Ml.Training;

namespace KukaPortal.Web.Jobs;

/// <summary>
/// Where a training job keeps its latest checkpoint: one file per job in the blob store, replaced
/// atomically, so a retry on any node that shares the store continues from it. A job that ends for good
/// (succeeded, failed, cancelled) deletes it.
/// </summary>
public sealed class TrainingCheckpointStore(BlobStore blobs)
{
    public TrainingCheckpoint? Load(Guid jobId)
    {
        var path = PathOf(jobId);
        if (!File.Exists(path)) return null;
        using var stream = File.OpenRead(path);
        return TrainingCheckpoint.ReadFrom(stream);
    }

    /// <summary>Runs on the torch thread between training steps: synchronous by design.</summary>
    public void Save(Guid jobId, TrainingCheckpoint checkpoint)
    {
        var path = PathOf(jobId);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var partial = path + ".partial";
        using (var stream = File.Create(partial))
            checkpoint.WriteTo(stream);
        File.Move(partial, path, overwrite: true);
    }

    /// <summary>A run shorter than the checkpoint interval never made the folder; File.Delete throws on a missing folder.</summary>
    public void Delete(Guid jobId)
    {
        var path = PathOf(jobId);
        if (File.Exists(path)) File.Delete(path);
    }

    private string PathOf(Guid jobId) => blobs.PathOf($"checkpoints/{jobId:N}.ckpt");
}
