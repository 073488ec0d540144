using Bunit;
using KukaPortal.Data.Training;
using KukaPortal.Web.Components.Training;

namespace KukaPortal.Web.Tests.Training;

public class ModelResultsTests : PortalComponentTest
{
    [Fact]
    public void A_model_without_labelled_validation_says_how_to_measure_it()
    {
        var cut = Render<ModelResults>(p => p.Add(c => c.Model, Model(evaluation: null)));

        cut.Find("[data-testid=no-validation]").TextContent.ShouldContain("No labelled validation data: upload a recording with labels to measure.");
        cut.FindAll("[data-testid=model-metrics]").ShouldBeEmpty();
        cut.Find("[data-testid=training-summary]").TextContent.ShouldContain("W = 16, L = 8");
    }

    [Fact]
    public void A_measured_model_shows_its_metrics_and_both_charts()
    {
        var evaluation = new ModelEvaluation
        {
            RecordingId = 3, RecordingName = "labelled.csv", Windows = 100, AnomalousWindows = 10, AveragePrecision = 0.876, F1Max = 0.9,
            F1MaxThreshold = 0.02, RocAuc = 0.99, Threshold = 0.02, PrecisionAtThreshold = 0.9, RecallAtThreshold = 0.9, F1AtThreshold = 0.9,
            PrecisionRecall = [new CurvePoint(0.1, 1, 0.5), new CurvePoint(1, 0.1, 0.001)],
            Histogram = new HistogramData([0.001, 0.01, 0.1], [90, 0], [0, 10]),
        };

        var cut = Render<ModelResults>(p => p.Add(c => c.Model, Model(evaluation)));

        cut.Find("[data-testid=metric-ap]").TextContent.ShouldBe("0.876");
        cut.Find("[data-testid=metric-rocauc]").TextContent.ShouldBe("0.990");
        cut.Find("[data-testid=pr-curve]").ShouldNotBeNull();
        cut.Find("[data-testid=score-histogram]").ShouldNotBeNull();
        cut.FindAll("[data-testid=no-validation]").ShouldBeEmpty();
    }

    private static TrainedModel Model(ModelEvaluation? evaluation) => new(1, 2, "conv-ae", 16, 0.02, DateTimeOffset.UtcNow,
        new TrainingSummary
        {
            Family = "conv-ae", Window = 16, Latent = 8, Iterations = 60, IterationsRun = 60, NormalRecordingIds = [1, 2],
            FinalLoss = 0.01, Threshold = 0.02, ThresholdStrategy = "f1max",
        },
        evaluation);
}
