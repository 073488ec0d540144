using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using KukaPortal.Data.Entities;
using KukaPortal.IntegrationTests.Infrastructure;
using KukaPortal.Web.Ingest;
using KukaPortal.Web.Streaming;
using KukaPortal.Web.Monitoring;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KukaPortal.IntegrationTests.Streaming;

/// <summary>Live samples: API keys, every check with its message, and chunks scored like one recording.</summary>
public class IngestTests(PortalFactory portal) : StreamingTest(portal)
{
    private static readonly string[] Channels = Enumerable.Range(1, RobotCsv.Channels).Select(c => $"axis{c}_current").ToArray();

    /// <summary>An asset whose active model is a bare row (it cannot score, but names its channels): enough for checks.</summary>
    private async Task<(int AssetId, string Key)> AssetWithKeyAsync(PortalSession session)
    {
        var assetId = await CreateAssetAsync();
        var recordingId = await UploadAsync(session, assetId, RobotCsv.Normal(200), "normal");
        await Portal.WithDbAsync(async db =>
        {
            var model = new DetectorModel
            {
                AssetId = assetId, Version = 1, Family = "conv-ae", ArtifactKey = "models/none.kpm", Threshold = 1, Window = 16,
                TrainingRecordingId = recordingId, CreatedAt = DateTimeOffset.UtcNow,
            };
            db.Models.Add(model);
            await db.SaveChangesAsync();
            return await db.Assets.Where(a => a.Id == assetId).ExecuteUpdateAsync(s => s.SetProperty(a => a.ActiveModelId, model.Id));
        });
        return (assetId, await CreateKeyAsync(session, assetId));
    }

    private static object Json(double[] timestamps, string[] channels, Func<int, int, double>? value = null) => new
    {
        timestamps,
        channels,
        values = timestamps.Select((_, r) => channels.Select((_, c) => value?.Invoke(r, c) ?? r + c / 10.0).ToArray()).ToArray(),
    };

    private Task<HttpResponseMessage> SendAsync(int assetId, string? key, HttpContent content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/assets/{assetId}/samples") { Content = content };
        if (key is not null) request.Headers.Add("X-Api-Key", key);
        return Portal.CreateClient().SendAsync(request, Ct);
    }

    private Task<int> StoredChunksAsync() => Portal.WithDbAsync(db => db.SampleChunks.CountAsync());

    [Fact]
    public async Task Keys_that_are_missing_unknown_of_another_asset_or_revoked_are_refused_and_nothing_is_stored()
    {
        using var session = await SignInAsAdminAsync();
        var (assetId, key) = await AssetWithKeyAsync(session);
        var otherAsset = await CreateAssetAsync("Robot 2");
        var otherKey = await CreateKeyAsync(session, otherAsset);
        var body = JsonContent.Create(Json([1, 2], Channels));

        ((int)(await SendAsync(assetId, null, body)).StatusCode).ShouldBe(401);
        ((int)(await SendAsync(assetId, "kpk_not-a-key", body)).StatusCode).ShouldBe(401);
        var wrongAsset = await SendAsync(assetId, otherKey, body);
        ((int)wrongAsset.StatusCode).ShouldBe(403);
        (await wrongAsset.Content.ReadAsStringAsync(Ct)).ShouldContain("belongs to another asset");

        var keys = (await session.Client.GetFromJsonAsync<KeyView[]>($"/api/assets/{assetId}/api-keys", Ct))!;
        keys.Single().Prefix.ShouldBe(key[..10]);
        ((int)(await session.Client.DeleteAsync($"/api/assets/{assetId}/api-keys/{keys[0].Id}", Ct)).StatusCode).ShouldBe(204);
        var revoked = await SendAsync(assetId, key, body);
        ((int)revoked.StatusCode).ShouldBe(403);
        (await revoked.Content.ReadAsStringAsync(Ct)).ShouldContain("revoked");

        (await StoredChunksAsync()).ShouldBe(0);
        var stored = await Portal.WithDbAsync(db => db.AssetApiKeys.Select(k => k.KeyHash).ToListAsync());
        stored.ShouldNotContain(key, "only the hash is kept");
    }

    public static TheoryData<string, string, string, int, string> BadChunks => new()
    {
        { "malformed JSON", "application/json", "{\"timestamps\": [1, 2", 400, "not valid JSON" },
        { "missing channel", "application/json", JsonText([1, 2], Channels[..5]), 422, "missing 'axis6_current'" },
        { "unknown channel", "application/json", JsonText([1, 2], [.. Channels, "gripper"]), 422, "unknown 'gripper'" },
        { "timestamps going back", "application/json", JsonText([1, 2, 2], Channels), 422, "Row 2: timestamp 2 is not after the previous row's" },
        { "bad ISO time", "application/json", JsonText(["2026-11-23T10:00:00Z", "yesterday"], Channels), 400, "Row 1: the timestamp 'yesterday'" },
        { "short row", "text/csv", "timestamp," + string.Join(',', Channels) + "\n1,1,2,3,4,5,6\n2,1,2,3,4,5\n", 400, "Row 1 has 6 cells; the header has 7" },
        { "NaN", "text/csv", "timestamp," + string.Join(',', Channels) + "\n1,1,2,3,4,5,6\n2,1,NaN,3,4,5,6\n", 422, "Row 1, column 'axis2_current'" },
        { "no timestamp column", "text/csv", string.Join(',', Channels) + "\n1,2,3,4,5,6\n", 400, "needs a 'timestamp' column" },
    };

    private static string JsonText(object[] timestamps, string[] channels) => System.Text.Json.JsonSerializer.Serialize(new
    {
        timestamps, channels, values = timestamps.Select(_ => channels.Select((_, c) => (double)c).ToArray()),
    });

    private static string JsonText(double[] timestamps, string[] channels) => JsonText(timestamps.Cast<object>().ToArray(), channels);

    [Theory]
    [MemberData(nameof(BadChunks))]
    public async Task A_bad_chunk_is_refused_with_a_problem_naming_what_is_wrong_and_nothing_is_stored(
        string _, string contentType, string body, int status, string message)
    {
        using var session = await SignInAsAdminAsync();
        var (assetId, key) = await AssetWithKeyAsync(session);

        var response = await SendAsync(assetId, key, new StringContent(body, Encoding.UTF8, contentType));

        ((int)response.StatusCode).ShouldBe(status);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain(message);
        (await StoredChunksAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Samples_must_come_after_the_last_accepted_sample_and_columns_are_matched_by_name()
    {
        using var session = await SignInAsAdminAsync();
        var (assetId, key) = await AssetWithKeyAsync(session);
        var reversed = Channels.Reverse().ToArray();

        var first = await SendAsync(assetId, key, JsonContent.Create(Json([10, 11], reversed, (r, c) => 100 * r + c)));
        first.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await first.Content.ReadAsStringAsync(Ct)).ShouldContain("\"rowsAccepted\":2");
        var repeated = await SendAsync(assetId, key, JsonContent.Create(Json([11, 12], Channels)));
        ((int)repeated.StatusCode).ShouldBe(422);
        (await repeated.Content.ReadAsStringAsync(Ct)).ShouldContain("not after the last accepted sample (11)");

        var chunk = await Portal.WithDbAsync(db => db.SampleChunks.SingleAsync());
        chunk.Timestamps.ShouldBe([10.0, 11.0]);
        // Sent in reverse channel order; stored in the model's: the first stored value is the sender's last column.
        chunk.Values[0].ShouldBe(5f);
        chunk.Values[6].ShouldBe(105f);
    }

    [Fact]
    public async Task First_chunks_sent_at_once_create_one_live_run_and_get_disjoint_rows_in_order()
    {
        using var session = await SignInAsAdminAsync();
        var (assetId, key) = await AssetWithKeyAsync(session);

        // Chunk i holds timestamps 10i and 10i + 1: whichever order they commit in, a chunk is refused only for coming
        // before one accepted already, and the accepted ones follow each other without a gap.
        var responses = await Task.WhenAll(Enumerable.Range(1, 6).Select(i =>
            SendAsync(assetId, key, JsonContent.Create(Json([10 * i, 10 * i + 1], Channels)))));
        var accepted = responses.Count(r => r.StatusCode == HttpStatusCode.Accepted);
        accepted.ShouldBeGreaterThan(0);
        responses.Count(r => (int)r.StatusCode == 422).ShouldBe(6 - accepted);

        var (runs, cursor, chunks) = await Portal.WithDbAsync(async db => (
            await db.StreamRuns.Where(r => r.AssetId == assetId).ToListAsync(),
            await db.LiveIngestCursors.SingleAsync(),
            await db.SampleChunks.OrderBy(c => c.FirstRow).ToListAsync()));
        runs.Single().Id.ShouldBe(cursor.RunId);
        chunks.Select(c => c.FirstRow).ShouldBe(Enumerable.Range(0, accepted).Select(i => 2L * i));
        chunks.Select(c => c.Timestamps[0]).ShouldBeInOrder();
        cursor.IngestedRows.ShouldBe(2 * accepted);
        cursor.LastTimestamp.ShouldBe(chunks[^1].Timestamps[^1]);
    }

    [Fact]
    public async Task A_chunk_is_accepted_while_the_streams_pipeline_holds_the_runs_row()
    {
        using var session = await SignInAsAdminAsync();
        var (assetId, key) = await AssetWithKeyAsync(session);
        (await SendAsync(assetId, key, JsonContent.Create(Json([1, 2], Channels)))).StatusCode.ShouldBe(HttpStatusCode.Accepted);

        await Portal.WithDbAsync(async db =>
        {
            // What the pipeline does with each stored window: saves its position in the run's row, in a transaction
            // that stays open until the window's scores commit. Ingest must not queue behind it (when it did, the wait
            // stretched every live window under load). Were it to wait, the lock would outlast the request.
            await using var pipeline = await db.Database.BeginTransactionAsync(Ct);
            (await db.Database.ExecuteSqlAsync($"UPDATE stream_runs SET next_row = next_row, updated_at = now() WHERE asset_id = {assetId} AND source = 'Live'", Ct)).ShouldBe(1);

            using var patience = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            patience.CancelAfter(TimeSpan.FromSeconds(30));
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/assets/{assetId}/samples") { Content = JsonContent.Create(Json([3, 4, 5], Channels)) };
            request.Headers.Add("X-Api-Key", key);
            (await Portal.CreateClient().SendAsync(request, patience.Token)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
            await pipeline.RollbackAsync(Ct);
            return 0;
        });

        var cursor = await Portal.WithDbAsync(db => db.LiveIngestCursors.SingleAsync());
        (cursor.IngestedRows, cursor.LastTimestamp).ShouldBe((5L, (double?)5));
        (await Portal.WithDbAsync(db => db.SampleChunks.OrderBy(c => c.FirstRow).Select(c => c.FirstRow).ToListAsync())).ShouldBe([0L, 2L]);
    }

    [Fact]
    public async Task A_chunk_after_this_nodes_last_goes_in_one_statement_and_one_after_another_nodes_is_checked_against_theirs()
    {
        using var session = await SignInAsAdminAsync();
        var (assetId, _) = await AssetWithKeyAsync(session);
        var ingest = Portal.Services.GetRequiredService<SampleIngest>();
        using var sql = new SqlRecorder();
        Task<IReadOnlyList<string>> Append(params double[] timestamps) =>
            sql.RecordAsync(() => ingest.AppendAsync(assetId, SampleChunkReader.Read(JsonText(timestamps, Channels), "application/json"), Ct));

        (await Append(1, 2)).ShouldContain(q => q.Contains("FOR UPDATE OF c"), "the node's first chunk locks the cursor");
        (await Append(3, 4)).ShouldHaveSingleItem().ShouldContain("WITH moved AS");

        // Another node appends rows 4–6, up to timestamp 20: the head this node knows (row 4, timestamp 4) is out of date.
        await Portal.WithDbAsync(async db =>
        {
            var cursor = await db.LiveIngestCursors.SingleAsync();
            db.SampleChunks.Add(new SampleChunk { RunId = cursor.RunId, FirstRow = 4, Rows = 3, Values = new float[3 * Channels.Length], Timestamps = [10, 15, 20], ReceivedAt = DateTimeOffset.UtcNow });
            (cursor.IngestedRows, cursor.LastTimestamp) = (7, 20);
            return await db.SaveChangesAsync();
        });

        // Later than what this node knows, earlier than what the other node stored: refused against the stored head.
        var early = await Should.ThrowAsync<StreamRequestException>(() => Append(15, 16));
        early.Message.ShouldContain("not after the last accepted sample (20)");
        var late = await Append(21, 22);
        late.ShouldContain(q => q.Contains("WITH moved AS"));
        late.ShouldContain(q => q.Contains("FOR UPDATE OF c"), "the guess missed, so the chunk went in under the lock");
        (await Append(23)).ShouldHaveSingleItem("the head is known again");

        (await Portal.WithDbAsync(db => db.SampleChunks.OrderBy(c => c.FirstRow).Select(c => c.FirstRow).ToListAsync())).ShouldBe([0L, 2L, 4L, 7L, 9L]);
        (await Portal.WithDbAsync(db => db.LiveIngestCursors.SingleAsync())).IngestedRows.ShouldBe(10);
    }

    [Fact]
    public async Task Chunks_split_across_requests_are_scored_into_the_same_windows_as_the_whole_recording_and_a_quiet_stream_is_reported()
    {
        using var session = await SignInAsAdminAsync();
        var assetId = await CreateAssetAsync();
        await TrainAsync(session, assetId);
        var statuses = new ConcurrentQueue<AssetStatusChanged>();
        await using var hub = session.CreateHubConnection();
        hub.On<AssetStatusChanged>(nameof(IMonitoringClient.AssetStatus), statuses.Enqueue);
        await hub.StartAsync(Ct);
        await hub.InvokeAsync(nameof(MonitoringHub.JoinAsset), assetId, Ct);
        var key = await CreateKeyAsync(session, assetId);
        var csv = RobotCsv.WithAnomaly(rows: 800, anomalyStart: 400, anomalyLength: 48);
        var recordingId = await UploadAsync(session, assetId, csv, "scoring", "whole.csv");

        var lines = csv.TrimEnd('\n').Split('\n');
        var header = lines[0];
        var row = 1;
        foreach (var size in new[] { 1, 7, 30, 100, 5, 257, 400 })
        {
            var take = Math.Min(size, lines.Length - row);
            var response = await SendAsync(assetId, key, new StringContent(header + "\n" + string.Join('\n', lines.Skip(row).Take(take)), Encoding.UTF8, "text/csv"));
            response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync(Ct));
            row += take;
        }
        row.ShouldBe(801);

        var runId = await Portal.WithDbAsync(db => db.StreamRuns.Where(r => r.AssetId == assetId && r.Source == StreamSource.Live).Select(r => r.Id).SingleAsync());
        var live = await WaitForWindowsAsync(runId, 50, TimeSpan.FromMinutes(1));
        var batch = await WindowsOfAsync((await RunJobAsync(session, assetId, "score", recordingId, TimeSpan.FromMinutes(2))).Id);

        live.Select(w => w.WindowIndex).ShouldBe(Enumerable.Range(0, 50));
        batch.Count.ShouldBe(50);
        for (var i = 0; i < 50; i++)
            live[i].Score.ShouldBe(batch[i].Score, Math.Abs(batch[i].Score) * 1e-4 + 1e-9, $"window {i}");
        live.Where(w => w.WindowIndex is >= 25 and <= 27).ShouldAllBe(w => w.AboveThreshold);
        // Consumed chunks are deleted once every window they feed is stored.
        await WaitUntilAsync(async () => await Portal.WithDbAsync(db => db.SampleChunks.CountAsync()) == 0, TimeSpan.FromSeconds(10), "consumed chunks to go");

        // Streaming:StaleAfter is 2 s in tests: the sender went quiet, then sends again.
        await WaitUntilAsync(() => Task.FromResult(statuses.Any(s => s.State == "NoData")), TimeSpan.FromSeconds(20), "the no-data status");
        statuses.First().ShouldSatisfyAllConditions(s => s.RunId.ShouldBe(runId), s => s.SecondsWithoutData.ShouldBeGreaterThanOrEqualTo(2));
        var more = await SendAsync(assetId, key, new StringContent(header + "\n100,1,2,3,4,5,6", Encoding.UTF8, "text/csv"));
        more.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await WaitUntilAsync(() => Task.FromResult(statuses.Any(s => s.State == "Receiving")), TimeSpan.FromSeconds(20), "the receiving-again status");
    }

    private sealed record KeyView(int Id, string Name, string Prefix, DateTimeOffset? RevokedAt);
}
