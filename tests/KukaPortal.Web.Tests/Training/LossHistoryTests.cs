using KukaPortal.Web.Components.Training;
using KukaPortal.Web.Monitoring;
using KukaPortal.Web.Training;

namespace KukaPortal.Web.Tests.Training;

public class LossHistoryTests
{
    [Fact]
    public void A_pushed_point_that_repeats_a_stored_one_is_kept_once_and_points_stay_in_iteration_order()
    {
        var history = new LossHistory(Guid.NewGuid());
        history.Add([new LossPoint(10, 0.5, 0.6, null, null), new LossPoint(20, 0.4, 0.5, null, null)]).ShouldBeTrue();

        var changed = history.Add([new LossPoint(20, 0.4, 0.5, null, null), new LossPoint(30, 0.3, 0.4, null, null)]);

        changed.ShouldBeTrue();
        history.Points.Select(p => p.Iteration).ShouldBe([10, 20, 30]);
        history.Add([new LossPoint(30, 0.3, 0.4, null, null)]).ShouldBeFalse();
        history.HasDiscriminator.ShouldBeFalse();
    }

    [Fact]
    public void A_retried_attempt_replaces_the_points_of_the_iterations_it_repeats()
    {
        var history = new LossHistory(Guid.NewGuid());
        history.Add([new LossPoint(10, 0.5, null, 0.7, 0.6)]);

        history.Add([new LossPoint(10, 0.45, null, 0.69, 0.55)]).ShouldBeTrue();

        history.Points.ShouldHaveSingleItem().Reconstruction.ShouldBe(0.45);
        history.HasDiscriminator.ShouldBeTrue();
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(30, 10)]
    [InlineData(1500, 10)]
    [InlineData(7000, 35)]
    [InlineData(1_000_000, 100)]
    public void Runs_report_every_ten_iterations_or_often_enough_for_two_hundred_points(int iterations, int interval)
    {
        LossCadence.IntervalFor(iterations).ShouldBe(interval);
        var stored = Enumerable.Range(1, iterations / interval).Select(r => r * interval).Append(iterations).Distinct()
            .Count(i => LossCadence.Stores(i, iterations));
        stored.ShouldBeInRange(1, LossCadence.MaxPoints + 1);
        LossCadence.Stores(iterations, iterations).ShouldBeTrue();
    }
}
