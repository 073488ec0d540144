using KukaPortal.Data.Models;
using KukaPortal.Web.Models;

namespace KukaPortal.Web.Tests.Models;

public sealed class ModelComparisonTests
{
    private static readonly DateTimeOffset Created = new(2026, 11, 23, 8, 30, 0, TimeSpan.Zero);

    private static ModelRow Model(int id, int version, int window, double threshold, ModelStatus status) =>
        new(id, version, "conv-ae", window, threshold, Created, status, null, null, null, "normal.csv");

    [Fact]
    public void Settings_mark_what_differs_between_the_candidate_and_the_active_model()
    {
        var rows = ModelComparison.Settings(Model(2, 2, 32, 0.5, ModelStatus.Candidate), Model(1, 1, 16, 0.5, ModelStatus.Active));

        rows.Single(r => r.Label == "Version").ShouldBe(new ComparisonRow("Version", "v2", "v1", Differs: false));
        rows.Single(r => r.Label == "Window W").ShouldBe(new ComparisonRow("Window W", "32", "16", Differs: true));
        rows.Single(r => r.Label == "Threshold").Differs.ShouldBeFalse();
        rows.Single(r => r.Label == "Created").Candidate.ShouldBe("2026-11-23 08:30 UTC");
    }

    [Fact]
    public void What_if_rows_show_each_models_counts_and_its_alarm_rate_per_ten_minutes()
    {
        var candidate = Model(2, 2, 16, 0.5, ModelStatus.Candidate);
        var active = Model(1, 1, 16, 0.5, ModelStatus.Active);
        var result = new WhatIfResult(2, 3, 1, 50_000, false,
            new WhatIfModelResult(2, 2, 0.5, 16, 1000, 40, 3, RecordedSeconds: 1200),
            new WhatIfModelResult(1, 1, 0.5, 16, 1000, 90, 6, RecordedSeconds: 1200));

        var rows = ModelComparison.WhatIf(result, candidate, active);

        rows.Single(r => r.Label == "Windows scored").ShouldBe(new ComparisonRow("Windows scored", "1,000", "1,000", Differs: false));
        rows.Single(r => r.Label == "Alarms it would have raised").ShouldBe(new ComparisonRow("Alarms it would have raised", "3", "6", Differs: true));
        rows.Single(r => r.Label == "Alarms per 10 min recorded").ShouldBe(new ComparisonRow("Alarms per 10 min recorded", "1.5", "3", Differs: true));
    }

    [Fact]
    public void A_replay_against_a_model_that_is_no_longer_active_shows_no_counts()
    {
        var result = new WhatIfResult(2, 3, 1, 50_000, false,
            new WhatIfModelResult(2, 2, 0.5, 16, 10, 1, 0, 60), new WhatIfModelResult(1, 1, 0.5, 16, 10, 1, 0, 60));

        ModelComparison.WhatIf(result, Model(2, 2, 16, 0.5, ModelStatus.Candidate), Model(3, 3, 16, 0.5, ModelStatus.Active)).ShouldBeEmpty();
    }

    [Fact]
    public void Metrics_rows_put_the_two_models_measured_quality_side_by_side()
    {
        var measured = Model(2, 2, 16, 0.5, ModelStatus.Candidate) with { Evaluation = Evaluation(ap: 0.91, f1: 0.8) };
        var unmeasured = Model(1, 1, 16, 0.5, ModelStatus.Active);

        var rows = ModelComparison.Metrics(measured, unmeasured);

        rows.Single(r => r.Label == "Average precision").ShouldBe(new ComparisonRow("Average precision", "0.910", "—", Differs: true));
        rows.Single(r => r.Label == "F1max").Candidate.ShouldBe("0.800");
        rows.Single(r => r.Label == "Validated on").Active.ShouldBe("not measured");
        ModelComparison.Metrics(unmeasured, unmeasured).ShouldBeEmpty();
    }

    private static KukaPortal.Data.Training.ModelEvaluation Evaluation(double ap, double f1) => new()
    {
        RecordingName = "labelled.csv", AveragePrecision = ap, F1Max = f1, RocAuc = 0.95, RecallAtThreshold = 0.7,
        PrecisionRecall = [], Histogram = new([0, 1], [1], [0]),
    };
}
