using KukaPortal.Web.Models;

namespace KukaPortal.Web.Tests.Models;

public sealed class WhatIfPlanTests
{
    [Fact]
    public void Whole_recordings_fit_newest_first_and_are_replayed_oldest_first()
    {
        var (parts, capped) = WhatIfPlan.Choose([(3, 160), (2, 320)], window: 16, maxWindows: 100);

        parts.ShouldBe([new WhatIfPart(2, 0, 320), new WhatIfPart(3, 0, 160)]);
        capped.ShouldBeFalse();
    }

    [Fact]
    public void The_recording_that_crosses_the_cap_gives_only_its_latest_rows_and_older_ones_are_left_out()
    {
        // Cap: 20 windows of 16 = 320 rows; the newest takes 160, the next only its last 160 of 480.
        var (parts, capped) = WhatIfPlan.Choose([(3, 160), (2, 480), (1, 1000)], window: 16, maxWindows: 20);

        parts.ShouldBe([new WhatIfPart(2, 320, 160), new WhatIfPart(3, 0, 160)]);
        capped.ShouldBeTrue();
    }

    [Fact]
    public void A_remainder_shorter_than_one_window_is_left_out()
    {
        var (parts, capped) = WhatIfPlan.Choose([(2, 170), (1, 100)], window: 16, maxWindows: 11);

        parts.ShouldBe([new WhatIfPart(2, 0, 170)]);
        capped.ShouldBeTrue();
    }
}
