using KukaPortal.Core.Alarms;
using KukaPortal.Data.Alarms;
using KukaPortal.Web.Components.Alarms;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace KukaPortal.Web.Tests.Alarms;

/// <summary>The alarm list's filters survive the trip through the URL the page navigates to (the bookmarkable view).</summary>
public sealed class AlarmListFilterTests : PortalComponentTest
{
    private string UriOf(AlarmListFilter filter) =>
        Services.GetRequiredService<NavigationManager>().GetUriWithQueryParameters("http://localhost/alarms", filter.ToQueryParameters());

    [Fact]
    public void Every_filter_round_trips_through_the_query_string()
    {
        var filter = new AlarmListFilter
        {
            AssetId = 4, States = [AlarmState.Shelved, AlarmState.ActiveUnacknowledged], Priority = AlarmPriority.High,
            Classification = nameof(AlarmClassification.FalseAlarm), RaisedFrom = new DateTime(2026, 3, 1), RaisedTo = new DateTime(2026, 3, 2),
            SortBy = AlarmSortField.PeakCalibrated, Descending = false, Page = 2, PageSize = 50,
        };

        var uri = UriOf(filter);
        var back = AlarmListFilter.FromUri(uri);

        uri.ShouldBe("http://localhost/alarms?asset=4&state=ActiveUnacknowledged&state=Shelved&priority=High&class=FalseAlarm&from=2026-03-01&to=2026-03-02&sort=PeakCalibrated&dir=asc&page=3&size=50");
        UriOf(back).ShouldBe(uri);
        back.States.ShouldBe([AlarmState.ActiveUnacknowledged, AlarmState.Shelved]);
        back.RaisedTo.ShouldBe(new DateTime(2026, 3, 2));
    }

    [Fact]
    public void The_default_view_is_plain_alarms()
    {
        UriOf(new AlarmListFilter()).ShouldBe("http://localhost/alarms");
        AlarmListFilter.FromUri("http://localhost/alarms").ToQuery().ShouldBe(new AlarmListQuery { States = [] }, new QueryComparer());
    }

    [Fact]
    public void The_days_become_a_utc_period_that_includes_the_whole_last_day()
    {
        var query = AlarmListFilter.FromUri("/alarms?from=2026-03-01&to=2026-03-01&class=none").ToQuery();

        query.RaisedFrom.ShouldBe(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));
        query.RaisedTo.ShouldBe(new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero));
        query.Unclassified.ShouldBeTrue();
        query.Classification.ShouldBeNull();
    }

    [Fact]
    public void Values_the_url_gets_wrong_are_dropped_not_fatal()
    {
        var filter = AlarmListFilter.FromUri("/alarms?asset=x&state=Exploded&state=Shelved&state=3&priority=Huge&from=yesterday&page=-4&size=7&sort=Nope");

        filter.AssetId.ShouldBeNull();
        filter.States.ShouldBe([AlarmState.Shelved]);
        filter.Priority.ShouldBeNull();
        filter.RaisedFrom.ShouldBeNull();
        filter.Page.ShouldBe(0);
        filter.PageSize.ShouldBe(25);
        filter.SortBy.ShouldBe(AlarmSortField.RaisedAt);
    }

    private sealed class QueryComparer : IEqualityComparer<AlarmListQuery>
    {
        public bool Equals(AlarmListQuery? x, AlarmListQuery? y) => x! with { States = [] } == y! with { States = [] } && x.States.SequenceEqual(y.States);
        public int GetHashCode(AlarmListQuery obj) => 0;
    }
}
