using System.Text.Json;
using KukaPortal.Core.Preprocessing;
using KukaPortal.Core.Series;

namespace KukaPortal.Core.Tests.Preprocessing;

public class PreprocessingPipelineTests
{
    private static readonly TimeSeries Normal = TestData.Mixed(400);

    /// <summary>The mixed channels with the label written into "signed" on anomalous rows.</summary>
    private static TimeSeries Labelled()
    {
        var series = TestData.Mixed(400, seed: 4);
        var labels = Enumerable.Range(0, series.Rows).Select(r => r % 5 == 0).ToArray();
        var values = (float[])series.Values.Clone();
        for (var r = 0; r < series.Rows; r++)
            if (labels[r]) values[r * 4 + 2] += 6;
        return new TimeSeries(series.Channels, values, labels: labels);
    }

    private static readonly PreprocessingOptions Everything = new()
    {
        Scaler = ScalerKind.Standard,
        FeatureSelection = new FeatureSelectionOptions(Keep: 3),
        Pca = new PcaOptions(0.9),
    };

    [Fact]
    public void By_default_it_is_paper_000s_min_max_scaling_and_nothing_else()
    {
        var pipeline = PreprocessingPipeline.Fit(Normal);

        pipeline.Selector.ShouldBeNull();
        pipeline.Pca.ShouldBeNull();
        pipeline.OutputChannels.ShouldBe(Normal.Channels);
        pipeline.Transform(Normal).Values.ShouldBe(MinMaxScaler.Fit(Normal).Transform(Normal).Values);
    }

    [Fact]
    public void Selects_then_scales_then_projects()
    {
        var pipeline = PreprocessingPipeline.Fit(Normal, Everything, Labelled());

        pipeline.Selector!.KeptChannels.ShouldContain("signed");
        pipeline.Selector.KeptChannels.Count.ShouldBe(3);
        pipeline.OutputChannels.ShouldBe(pipeline.Pca!.OutputChannels);
        // The scaler was fitted on the selected normal channels, PCA on their standardised values.
        var selected = pipeline.Selector.Transform(Normal);
        var expected = pipeline.Pca.Transform(StandardScaler.Fit(selected).Transform(selected));
        pipeline.Transform(Normal).Values.ShouldBe(expected.Values);
    }

    [Fact]
    public void The_state_survives_a_json_round_trip_with_identical_outputs()
    {
        var pipeline = PreprocessingPipeline.Fit(Normal, Everything, Labelled());
        var web = new JsonSerializerOptions(JsonSerializerDefaults.Web);

        var json = JsonSerializer.Serialize(pipeline.ToState(), web);
        var restored = JsonSerializer.Deserialize<PreprocessingState>(json, web)!.Restore();

        var scoring = TestData.Mixed(100, seed: 12);
        restored.Transform(scoring).Values.ShouldBe(pipeline.Transform(scoring).Values);
        restored.OutputChannels.ShouldBe(pipeline.OutputChannels);
    }

    [Fact]
    public void Inverse_returns_raw_units_of_the_kept_channels()
    {
        var pipeline = PreprocessingPipeline.Fit(Normal, new PreprocessingOptions { Scaler = ScalerKind.Robust, Pca = new PcaOptions(1.0) });

        var restored = pipeline.InverseTransform(pipeline.Transform(Normal));

        restored.Channels.ShouldBe(Normal.Channels);
        restored.Values.ShouldBe(Normal.Values, 1e-3f);
    }

    [Fact]
    public void Feature_selection_needs_a_labelled_series() =>
        Should.Throw<ArgumentException>(() => PreprocessingPipeline.Fit(Normal, Everything));

    [Fact]
    public void Refuses_a_recording_with_other_channels()
    {
        var pipeline = PreprocessingPipeline.Fit(Normal);

        Should.Throw<ArgumentException>(() => pipeline.Transform(new TimeSeries(["wave", "skewed", "signed", "other"], [1, 2, 3, 4])));
    }

    [Fact]
    public void Refuses_a_state_of_another_version()
    {
        var state = PreprocessingPipeline.Fit(Normal).ToState() with { Version = 99 };

        Should.Throw<InvalidDataException>(() => state.Restore());
    }
}
