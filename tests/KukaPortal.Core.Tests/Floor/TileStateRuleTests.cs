using KukaPortal.Core.Alarms;
using KukaPortal.Core.Floor;

namespace KukaPortal.Core.Tests.Floor;

public class TileStateRuleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Recent = Now.AddSeconds(-30);
    private static readonly DateTimeOffset Old = Now.AddMinutes(-3);
    private readonly TileStateRule _rule = new(TimeSpan.FromMinutes(2));

    private static TileFacts Facts(
        AssetAlarmMode mode = AssetAlarmMode.InService, int unacknowledged = 0, int acknowledged = 0, int shelved = 0,
        DateTimeOffset? lastWindow = null, bool silent = false) =>
        new(mode, unacknowledged, acknowledged, shelved, lastWindow, silent);

    public static TheoryData<string, TileFacts, TileState, bool, string> Cases => new()
    {
        // Each state on its own.
        { "recent windows, nothing open", Facts(lastWindow: Recent), TileState.Normal, false, "Normal" },
        { "one unacknowledged alarm", Facts(unacknowledged: 1, lastWindow: Recent), TileState.UnacknowledgedAlarm, false, "Unacknowledged alarm" },
        { "one acknowledged alarm", Facts(acknowledged: 1, lastWindow: Recent), TileState.AcknowledgedAlarm, false, "Acknowledged alarm" },
        { "one shelved alarm", Facts(shelved: 1, lastWindow: Recent), TileState.Shelved, false, "Alarm shelved" },
        { "out of service", Facts(AssetAlarmMode.OutOfService, lastWindow: Recent), TileState.OutOfService, false, "Out of service" },
        { "suppressed by design", Facts(AssetAlarmMode.SuppressedByDesign, lastWindow: Recent), TileState.Suppressed, false, "Alarms suppressed" },
        { "never scored", Facts(), TileState.NoData, true, "No data" },
        { "last window older than the limit", Facts(lastWindow: Old), TileState.NoData, true, "No data" },
        { "stream reports no samples", Facts(lastWindow: Recent, silent: true), TileState.NoData, true, "No data" },

        // Counts in words.
        { "three unacknowledged", Facts(unacknowledged: 3, lastWindow: Recent), TileState.UnacknowledgedAlarm, false, "3 unacknowledged alarms" },
        { "two acknowledged", Facts(acknowledged: 2, lastWindow: Recent), TileState.AcknowledgedAlarm, false, "2 acknowledged alarms" },

        // Precedence, pair by pair down the order.
        { "out of service beats alarms, and its silence is not stale", Facts(AssetAlarmMode.OutOfService, unacknowledged: 1, acknowledged: 1, shelved: 1, lastWindow: Old), TileState.OutOfService, false, "Out of service" },
        { "suppressed beats alarms", Facts(AssetAlarmMode.SuppressedByDesign, unacknowledged: 1, acknowledged: 1, shelved: 1, lastWindow: Recent), TileState.Suppressed, false, "Alarms suppressed" },
        { "unacknowledged beats acknowledged", Facts(unacknowledged: 1, acknowledged: 2, lastWindow: Recent), TileState.UnacknowledgedAlarm, false, "Unacknowledged alarm" },
        { "acknowledged beats shelved", Facts(acknowledged: 1, shelved: 1, lastWindow: Recent), TileState.AcknowledgedAlarm, false, "Acknowledged alarm" },
        { "shelved beats no data", Facts(shelved: 1, lastWindow: Old), TileState.Shelved, true, "Alarm shelved" },
        { "an unacknowledged alarm beats no data, still stale", Facts(unacknowledged: 1), TileState.UnacknowledgedAlarm, true, "Unacknowledged alarm" },
        { "out of service beats no data", Facts(AssetAlarmMode.OutOfService, silent: true), TileState.OutOfService, false, "Out of service" },
        { "suppressed beats no data, still stale", Facts(AssetAlarmMode.SuppressedByDesign), TileState.Suppressed, true, "Alarms suppressed" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decides_the_state_its_staleness_and_words(string situation, TileFacts facts, TileState state, bool stale, string text)
    {
        var decision = _rule.Decide(facts, Now);

        decision.State.ShouldBe(state, situation);
        decision.Stale.ShouldBe(stale, situation);
        decision.Text.ShouldBe(text, situation);
    }

    [Fact]
    public void A_window_exactly_at_the_limit_is_still_fresh_and_one_tick_later_it_is_stale()
    {
        _rule.Decide(Facts(lastWindow: Now - TimeSpan.FromMinutes(2)), Now).State.ShouldBe(TileState.Normal);
        _rule.Decide(Facts(lastWindow: Now - TimeSpan.FromMinutes(2) - TimeSpan.FromTicks(1)), Now).State.ShouldBe(TileState.NoData);
    }

    [Fact]
    public void The_stale_limit_must_be_positive() =>
        Should.Throw<ArgumentOutOfRangeException>(() => new TileStateRule(TimeSpan.Zero)).Message.ShouldContain("must be positive");
}
