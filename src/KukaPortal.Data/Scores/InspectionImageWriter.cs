using Npgsql;
using NpgsqlTypes;

namespace KukaPortal.Data.Scores;

/// <summary>
/// Inserts the <c>inspection_images</c> rows of a score batch's freshly stored windows, inside the batch's
/// transaction (one statement over arrays). The unique (run_id, window_index) is the last guard against a twice-stored image.
/// </summary>
internal static class InspectionImageWriter
{
    public static async Task InsertAsync(NpgsqlConnection connection, ScoreBatch batch, IReadOnlyList<InspectedImage> images, CancellationToken ct)
    {
        if (images.Count == 0) return;
        await using var command = new NpgsqlCommand("""
            INSERT INTO inspection_images (asset_id, run_id, window_index, name, label, blob_key, recording_id, image_index, received_at)
            SELECT @asset, @run, i.window_index, i.name, i.label, i.blob_key, i.recording_id, i.image_index, i.received_at
            FROM unnest(@indexes, @names, @labels, @blobs, @recordings, @positions, @received)
                AS i(window_index, name, label, blob_key, recording_id, image_index, received_at)
            ON CONFLICT (run_id, window_index) DO NOTHING
            """, connection);
        command.Parameters.AddWithValue("asset", batch.AssetId);
        command.Parameters.AddWithValue("run", batch.RunId);
        command.Parameters.Add(new NpgsqlParameter("indexes", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = images.Select(i => i.WindowIndex).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("names", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = images.Select(i => i.Name).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("labels", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = images.Select(i => i.Label).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("blobs", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = images.Select(i => i.BlobKey).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("recordings", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = images.Select(i => i.RecordingId).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("positions", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = images.Select(i => i.ImageIndex).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("received", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = images.Select(i => i.ReceivedAt).ToArray() });
        await command.ExecuteNonQueryAsync(ct);
    }
}
