using KukaPortal.Core.Tests.Metrics;
using KukaPortal.Core.Thresholds;

namespace KukaPortal.Core.Tests.Thresholds;

public class ThresholdStrategyTests
{
    [Fact]
    public void F1max_takes_the_threshold_of_best_f1_on_the_validation_set()
    {
        // See F1MaxTests: F1 peaks at 0.8 with threshold 0.7.
        var data = new ThresholdData { ValidationScores = MetricCases.DistinctScores, ValidationLabels = MetricCases.DistinctLabels };

        new F1MaxStrategy().Choose(data).ShouldBe(new ThresholdChoice(0.7, "f1max"));
    }

    [Fact]
    public void Quantile_takes_the_quantile_of_normal_scores()
    {
        // Sorted 1 2 3 4; q = 0.5 sits halfway between 2 and 3.
        var data = new ThresholdData { NormalScores = [4.0, 1.0, 3.0, 2.0] };

        new QuantileStrategy(0.5).Choose(data).ShouldBe(new ThresholdChoice(2.5, "quantile:0.5"));
    }

    [Fact]
    public void Budget_chooses_via_the_alarm_rule()
    {
        var data = new ThresholdData { NormalScores = AlarmBudgetTests.Scores, NormalHours = 2, AlarmK = 2, AlarmN = 2 };

        new BudgetStrategy(1).Choose(data).ShouldBe(new ThresholdChoice(4, "budget:1/h"));
    }

    [Fact]
    public void Says_which_data_is_missing()
    {
        Should.Throw<ArgumentException>(() => new F1MaxStrategy().Choose(new ThresholdData())).Message.ShouldContain("validation scores");
        Should.Throw<ArgumentException>(() => new QuantileStrategy(0.9).Choose(new ThresholdData())).Message.ShouldContain("normal scores");
        Should.Throw<ArgumentException>(() => new BudgetStrategy(1).Choose(new ThresholdData { NormalScores = [1.0] })).Message.ShouldContain("hours");
    }
}
