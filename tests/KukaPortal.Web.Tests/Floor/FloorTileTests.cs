using KukaPortal.Core.Alarms;
using KukaPortal.Core.Floor;
using KukaPortal.Data.Floor;
using KukaPortal.Web.Floor;

namespace KukaPortal.Web.Tests.Floor;

/// <summary>The words a tile gives screen readers (colour is never the only signal) and the CSS state name its colour hangs on.</summary>
public class FloorTileTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private static readonly TileStateRule Rule = new(TimeSpan.FromMinutes(2));

    [Fact]
    public void An_alarm_tile_says_the_asset_state_last_alarm_and_model()
    {
        var asset = new FloorAsset(7, "Press line 4", AssetAlarmMode.InService, 3, Now.AddSeconds(-5), Now.AddMinutes(-3), 1, 0, 0);

        var tile = FloorTile.From(asset, Rule, Now, streamSilent: false);

        tile.AriaLabel.ShouldBe("Press line 4: Unacknowledged alarm. Last alarm 3 min ago. Model version 3. Open the asset.");
        tile.CssState.ShouldBe("unacknowledgedalarm");
    }

    [Fact]
    public void A_stale_alarm_tile_says_its_data_is_stale_but_a_no_data_tile_does_not_say_it_twice()
    {
        var silentAlarm = new FloorAsset(7, "Press line 4", AssetAlarmMode.InService, null, Now.AddMinutes(-10), null, 0, 1, 0);
        var silent = silentAlarm with { AcknowledgedAlarms = 0 };

        FloorTile.From(silentAlarm, Rule, Now, streamSilent: false).AriaLabel
            .ShouldBe("Press line 4: Acknowledged alarm, data stale. Last alarm never. No model. Open the asset.");
        FloorTile.From(silent, Rule, Now, streamSilent: false).AriaLabel
            .ShouldBe("Press line 4: No data. Last alarm never. No model. Open the asset.");
    }

    [Fact]
    public void A_stream_reporting_no_samples_makes_a_recent_tile_no_data()
    {
        var asset = new FloorAsset(7, "Press line 4", AssetAlarmMode.InService, 1, Now.AddSeconds(-5), null, 0, 0, 0);

        FloorTile.From(asset, Rule, Now, streamSilent: true).Decision.State.ShouldBe(TileState.NoData);
        FloorTile.From(asset, Rule, Now, streamSilent: false).Decision.State.ShouldBe(TileState.Normal);
    }
}
