using KukaPortal.Data.Scores;
using KukaPortal.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KukaPortal.IntegrationTests.Scores;

public class ChannelContributionTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public async Task Each_windows_channel_shares_come_back_within_float16_precision_with_the_models_channel_names()
    {
        var assetId = await CreateAssetAsync("Contribution robot");
        var modelId = await CreateModelRowAsync(assetId);
        var channels = new[] { "A1", "A2", "A3", "A4" };
        await Portal.Services.GetRequiredService<ModelChannelNames>().RecordAsync(modelId, channels, CancellationToken.None);
        var start = RunClock.TruncateToMicroseconds(DateTimeOffset.UtcNow);
        var errors = new[] { new[] { 1f, 1f, 2f, 4f }, new[] { 0.003f, 0f, 0.001f, 0.0005f }, new[] { 9f, 0.01f, 0.2f, 3f } };
        var windows = errors.Select((e, i) => new ScoredWindow(i, i * 16, i * 16 + 16, i, i + 1, 0.1, 0.2, false, start.AddSeconds(i + 1), e)).ToList();
        await Portal.Services.GetRequiredService<ScoreBatchWriter>().StoreAsync(new ScoreBatch(assetId, Guid.NewGuid(), modelId, windows, []), CancellationToken.None);

        var recent = await Portal.Services.GetRequiredService<ChannelContributionReader>().RecentAsync(assetId, 2, CancellationToken.None);

        recent.ShouldNotBeNull();
        recent.ModelId.ShouldBe(modelId);
        recent.Channels.ShouldBe(channels);
        recent.Shares.Length.ShouldBe(2);
        for (var w = 0; w < 2; w++)
        {
            var expected = errors[w + 1];
            var sum = expected.Sum();
            for (var c = 0; c < channels.Length; c++)
                recent.Shares[w][c].ShouldBe(expected[c] / sum, 1e-3);
        }
        recent.At.ShouldBe([start.AddSeconds(2), start.AddSeconds(3)]);
    }

    [Fact]
    public void A_window_stores_two_bytes_per_channel()
    {
        var bytes = ContributionCodec.Encode(Enumerable.Range(1, 86).Select(i => (float)i).ToArray());

        bytes.ShouldNotBeNull().Length.ShouldBe(172);
        ContributionCodec.Decode(bytes).Sum().ShouldBe(1f, 0.01f);
    }

    [Fact]
    public async Task An_asset_without_contributions_has_none_to_read()
    {
        var assetId = await CreateAssetAsync("Quiet robot");

        (await Portal.Services.GetRequiredService<ChannelContributionReader>().RecentAsync(assetId, 10, CancellationToken.None)).ShouldBeNull();
    }
}
