using KukaPortal.Data.Scores;
using KukaPortal.Web.Monitoring;
using Microsoft.Extensions.DependencyInjection;

namespace KukaPortal.IntegrationTests.Monitoring;

/// <summary>What the live chart opens with, from windows stored the real way (<see cref="ScoreBatchWriter"/>).</summary>
public class LiveWindowReaderTests(PortalFactory portal) : PortalTest(portal)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly DateTimeOffset Origin = RunClock.TruncateToMicroseconds(DateTimeOffset.UtcNow.AddMinutes(-30));

    private LiveWindowReader Reader => Portal.Services.GetRequiredService<LiveWindowReader>();

    [Fact]
    public async Task The_last_minutes_before_the_latest_window_are_downsampled_keeping_the_spike_and_the_latest_sequence()
    {
        var assetId = await CreateAssetAsync();
        var modelId = await CreateModelRowAsync(assetId, window: 10);
        // Ten windows twenty minutes before the rest, then 2500 windows 0.1 s apart with one spike.
        await StoreAsync(assetId, modelId, Enumerable.Range(0, 10).Select(i => (i, Origin.AddSeconds(i), 0.5)));
        var latest = await StoreAsync(assetId, modelId, Enumerable.Range(10, 2500).Select(i => (i, Origin.AddMinutes(20).AddSeconds(i * 0.1), i == 1234 ? 50.0 : 0.3 + i % 7 * 0.01)));

        var fiveMinutes = await Reader.ReadAsync(assetId, 5, Ct);

        fiveMinutes.Stored.ShouldBe(2500);
        fiveMinutes.Windows.Count.ShouldBeLessThanOrEqualTo(LiveWindowReader.MaxPoints);
        fiveMinutes.Windows.ShouldContain(w => w.WindowIndex == 1234 && w.Calibrated == 50.0);
        fiveMinutes.Windows.Select(w => w.WindowIndex).ShouldBeInOrder();
        fiveMinutes.Windows.ShouldAllBe(w => w.WindowIndex >= 10);
        fiveMinutes.Sequence.ShouldBe(latest);
        fiveMinutes.From.ShouldBe(Origin.AddMinutes(20).AddSeconds(2509 * 0.1).AddMinutes(-5), TimeSpan.FromMilliseconds(1));

        var anHour = await Reader.ReadAsync(assetId, 60, Ct);
        anHour.Stored.ShouldBe(2510);
        anHour.Windows.ShouldContain(w => w.WindowIndex == 0);
    }

    [Fact]
    public async Task A_range_that_is_not_offered_is_refused_with_the_choices()
    {
        var error = await Should.ThrowAsync<ArgumentOutOfRangeException>(() => Reader.ReadAsync(1, 7, Ct));

        error.Message.ShouldStartWith("The live range must be one of 5, 15, 60 minutes, not 7.");
    }

    /// <summary>Stores the windows as one scored batch of a new run; returns the asset's latest sequence number.</summary>
    private async Task<long> StoreAsync(int assetId, int modelId, IEnumerable<(int Index, DateTimeOffset At, double Calibrated)> windows)
    {
        var scored = windows.Select(w => new ScoredWindow(w.Index, w.Index * 10, w.Index * 10 + 10, w.Index, w.Index + 1, w.Calibrated, w.Calibrated, w.Calibrated >= 1, w.At, null)).ToList();
        var stored = await Portal.Services.GetRequiredService<ScoreBatchWriter>()
            .StoreAsync(new ScoreBatch(assetId, Guid.NewGuid(), modelId, scored, []), CancellationToken.None);
        return stored.Rows.Max(r => r.Sequence);
    }
}
