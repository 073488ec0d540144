using KukaPortal.Core.Alarms;
using KukaPortal.Data.Alarms;
using KukaPortal.Data.Entities;
using Microsoft.Extensions.DependencyInjection;

namespace KukaPortal.IntegrationTests.Alarms;

/// <summary>The alarm list's query on real PostgreSQL: filters combine with AND, pages do not overlap, the count covers all pages.</summary>
public class AlarmListReaderTests(PortalFactory portal) : AlarmTest(portal)
{
    private static readonly DateTimeOffset Day = new(2026, 3, 10, 0, 0, 0, TimeSpan.Zero);

    private AlarmListReader Reader => Portal.Services.GetRequiredService<AlarmListReader>();

    private Task<AlarmListPage> ReadAsync(AlarmListQuery query) => Reader.ReadAsync(query, Ct);

    /// <summary>Inserts alarm rows directly: the list reads what is stored, however it got there.</summary>
    private Task<long> SeedAsync(int assetId, DateTimeOffset raisedAt, AlarmState state, AlarmPriority priority = AlarmPriority.Low,
        double peak = 1.2, AlarmClassification? classification = null) => Portal.WithDbAsync(async db =>
    {
        var alarm = new Alarm
        {
            AssetId = assetId, RunId = Guid.NewGuid(), State = state, ConditionActive = AlarmLifecycle.IsActive(state), RaisedAt = raisedAt,
            PeakCalibrated = peak, Priority = priority, Classification = classification,
        };
        db.Alarms.Add(alarm);
        await db.SaveChangesAsync();
        return alarm.Id;
    });

    [Fact]
    public async Task Filters_by_asset_state_priority_classification_and_period_combine()
    {
        var press = await CreateAssetAsync("Press");
        var welder = await CreateAssetAsync("Welder");
        var match = await SeedAsync(press, Day.AddHours(5), AlarmState.ActiveUnacknowledged, AlarmPriority.High, 3, AlarmClassification.TrueAnomaly);
        await SeedAsync(welder, Day.AddHours(5), AlarmState.ActiveUnacknowledged, AlarmPriority.High, 3, AlarmClassification.TrueAnomaly); // other asset
        await SeedAsync(press, Day.AddHours(5), AlarmState.Normal, AlarmPriority.High, 3, AlarmClassification.TrueAnomaly);                  // other state
        await SeedAsync(press, Day.AddHours(5), AlarmState.ActiveUnacknowledged, AlarmPriority.Low, 1.1, AlarmClassification.TrueAnomaly);   // other priority
        await SeedAsync(press, Day.AddHours(5), AlarmState.ActiveUnacknowledged, AlarmPriority.High, 3, AlarmClassification.FalseAlarm);     // other class
        await SeedAsync(press, Day.AddDays(1), AlarmState.ActiveUnacknowledged, AlarmPriority.High, 3, AlarmClassification.TrueAnomaly);     // "to" is exclusive
        await SeedAsync(press, Day.AddTicks(-10), AlarmState.ActiveUnacknowledged, AlarmPriority.High, 3, AlarmClassification.TrueAnomaly);  // before "from"

        var page = await ReadAsync(new AlarmListQuery
        {
            AssetId = press, States = [AlarmState.ActiveUnacknowledged, AlarmState.ActiveAcknowledged], Priority = AlarmPriority.High,
            Classification = AlarmClassification.TrueAnomaly, RaisedFrom = Day, RaisedTo = Day.AddDays(1),
        });

        page.TotalCount.ShouldBe(1);
        var row = page.Rows.ShouldHaveSingleItem();
        row.Id.ShouldBe(match);
        row.AssetName.ShouldBe("Press");
        row.PeakCalibrated.ShouldBe(3);
    }

    [Fact]
    public async Task Several_states_are_any_of_them_and_unclassified_means_no_classification()
    {
        var asset = await CreateAssetAsync();
        var unacknowledged = await SeedAsync(asset, Day, AlarmState.ActiveUnacknowledged);
        var returned = await SeedAsync(asset, Day.AddMinutes(1), AlarmState.ReturnedUnacknowledged);
        await SeedAsync(asset, Day.AddMinutes(2), AlarmState.Shelved);
        await SeedAsync(asset, Day.AddMinutes(3), AlarmState.ReturnedUnacknowledged, classification: AlarmClassification.Maintenance);

        var page = await ReadAsync(new AlarmListQuery { States = [AlarmState.ActiveUnacknowledged, AlarmState.ReturnedUnacknowledged], Unclassified = true });

        page.Rows.Select(r => r.Id).ShouldBe([returned, unacknowledged]);
        page.TotalCount.ShouldBe(2);
    }

    [Fact]
    public async Task Pages_cover_every_alarm_once_in_order_and_the_count_is_of_all_pages()
    {
        var asset = await CreateAssetAsync();
        var ids = new List<long>();
        // Two alarms share each time, so the order needs its tie-break on id to page stably.
        for (var i = 0; i < 7; i++) ids.Add(await SeedAsync(asset, Day.AddMinutes(i / 2), AlarmState.Normal));

        var pages = new List<AlarmListPage>();
        for (var p = 0; p < 3; p++) pages.Add(await ReadAsync(new AlarmListQuery { Page = p, PageSize = 3, Descending = false }));

        pages.Select(p => p.TotalCount).ShouldAllBe(c => c == 7);
        pages.Select(p => p.Rows.Count).ShouldBe([3, 3, 1]);
        pages.SelectMany(p => p.Rows).Select(r => r.Id).ShouldBe(ids);
        (await ReadAsync(new AlarmListQuery { Page = 5, PageSize = 3 })).Rows.ShouldBeEmpty();
    }

    [Fact]
    public async Task Sorts_by_peak_and_by_asset_name()
    {
        var zeta = await CreateAssetAsync("Zeta");
        var alpha = await CreateAssetAsync("Alpha");
        var low = await SeedAsync(zeta, Day, AlarmState.Normal, peak: 1.1);
        var high = await SeedAsync(alpha, Day.AddMinutes(1), AlarmState.Normal, peak: 5);
        var mid = await SeedAsync(zeta, Day.AddMinutes(2), AlarmState.Normal, peak: 2);

        (await ReadAsync(new AlarmListQuery { SortBy = AlarmSortField.PeakCalibrated })).Rows.Select(r => r.Id).ShouldBe([high, mid, low]);
        (await ReadAsync(new AlarmListQuery { SortBy = AlarmSortField.Asset, Descending = false })).Rows.Select(r => r.AssetName).ShouldBe(["Alpha", "Zeta", "Zeta"]);
    }

    [Fact]
    public async Task A_period_that_ends_before_it_starts_is_refused_with_a_sentence()
    {
        var error = await Should.ThrowAsync<ArgumentException>(() => ReadAsync(new AlarmListQuery { RaisedFrom = Day, RaisedTo = Day.AddDays(-1) }));
        error.Message.ShouldBe("\"Raised from\" must be before \"raised to\".");
    }
}
