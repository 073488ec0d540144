using System.Text.Json;
using KukaPortal.Core.Preprocessing;
using KukaPortal.Core.Series;

namespace KukaPortal.Core.Tests.Preprocessing;

public class FeatureSelectorTests
{
    /// <summary>Channels "noise", "label" (equal to the label), "hint" (label + noise) and "flat".</summary>
    private static TimeSeries Labelled(int rows = 1000)
    {
        var random = new Random(8);
        var labels = Enumerable.Range(0, rows).Select(i => i % 4 == 0).ToArray();
        var values = new float[rows * 4];
        for (var r = 0; r < rows; r++)
        {
            var y = labels[r] ? 1f : 0f;
            values[r * 4 + 0] = (float)TestData.Gaussian(random);
            values[r * 4 + 1] = y;
            values[r * 4 + 2] = y + 0.5f * (float)TestData.Gaussian(random);
            values[r * 4 + 3] = 3f;
        }
        return new TimeSeries(["noise", "label", "hint", "flat"], values, labels: labels);
    }

    [Fact]
    public void Ranks_the_channel_equal_to_the_label_first_and_noise_last()
    {
        var selector = FeatureSelector.Fit(Labelled(), new FeatureSelectionOptions(Keep: 1));

        selector.KeptChannels.ShouldBe(["label"]);
        selector.Scores.Select(s => s.Channel).Take(2).ShouldBe(["label", "hint"]);
        // Zero MI estimated from 1000 rows scatters by a few hundredths of a nat.
        selector.Scores.Where(s => s.Channel is "noise" or "flat").ShouldAllBe(s => s.MutualInformation < 0.05);
    }

    [Fact]
    public void Keeps_the_chosen_channels_in_their_original_order()
    {
        var selector = FeatureSelector.Fit(Labelled(), new FeatureSelectionOptions(Keep: 2));

        selector.KeptChannels.ShouldBe(["label", "hint"]);
        var reordered = FeatureSelector.Fit(Labelled(), new FeatureSelectionOptions(MinimumScore: 0.1));
        reordered.KeptChannels.ShouldBe(["label", "hint"]);
    }

    [Fact]
    public void A_threshold_nothing_reaches_still_keeps_the_best_channel() =>
        FeatureSelector.Fit(Labelled(), new FeatureSelectionOptions(MinimumScore: 100)).KeptChannels.ShouldBe(["label"]);

    [Fact]
    public void Selects_by_name_so_column_order_at_scoring_does_not_matter()
    {
        var selector = FeatureSelector.Fit(Labelled(), new FeatureSelectionOptions(Keep: 2));
        var scoring = new TimeSeries(["hint", "flat", "label", "noise"], [0.9f, 3, 1, 0.1f]);

        var selected = selector.Transform(scoring);

        selected.Channels.ShouldBe(["label", "hint"]);
        selected.Values.ShouldBe([1f, 0.9f]);
    }

    [Fact]
    public void Needs_labels_of_both_kinds()
    {
        var options = new FeatureSelectionOptions(Keep: 1);

        Should.Throw<ArgumentException>(() => FeatureSelector.Fit(new TimeSeries(["a"], [1, 2]), options));
        Should.Throw<ArgumentException>(() => FeatureSelector.Fit(new TimeSeries(["a"], [1, 2], labels: [false, false]), options));
    }

    [Fact]
    public void Needs_a_count_or_a_threshold() =>
        Should.Throw<ArgumentException>(() => FeatureSelector.Fit(Labelled(), new FeatureSelectionOptions()));

    [Fact]
    public void The_state_survives_a_json_round_trip()
    {
        var selector = FeatureSelector.Fit(Labelled(), new FeatureSelectionOptions(Keep: 2));

        var json = JsonSerializer.Serialize(selector.ToState());
        var restored = JsonSerializer.Deserialize<FeatureSelectionState>(json)!.Restore();

        restored.KeptChannels.ShouldBe(selector.KeptChannels);
        restored.Scores.ShouldBe(selector.Scores);
    }
}
