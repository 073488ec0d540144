using Npgsql;

namespace KukaPortal.Data.Scores;

/// <summary>
/// Records, once per scoring run, the names of the channels a model's contributions are ordered by. The
/// names live in the model's artifact, which the data layer cannot read, so the scorer hands them over.
/// </summary>
public sealed class ModelChannelNames(NpgsqlDataSource dataSource)
{
    public async Task RecordAsync(int modelId, IReadOnlyList<string> channels, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE models SET channel_names = @channels WHERE id = @id AND channel_names IS DISTINCT FROM @channels");
        command.Parameters.AddWithValue("channels", channels.ToArray());
        command.Parameters.AddWithValue("id", modelId);
        await command.ExecuteNonQueryAsync(ct);
    }
}
