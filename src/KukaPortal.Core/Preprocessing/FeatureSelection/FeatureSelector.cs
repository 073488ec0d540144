using KukaPortal.Core.Series;

namespace KukaPortal.Core.Preprocessing;

/// <summary>
/// Keeps the channels that share the most information with the anomaly label, as paper 001 did
/// ("selected based on their mutual information with the labels"). That needs labelled data with
/// both normal and anomalous rows (e.g. the validation recording), not the normal training data,
/// and it lets labels shape an unsupervised detector. Paper 001 found it weakened detection, so it
/// is off by default; it is here to reproduce that finding.
/// </summary>
public sealed class FeatureSelector
{
    private readonly FeatureSelectionState _state;

    internal FeatureSelector(FeatureSelectionState state)
    {
        if (state.KeptChannels.Count == 0)
            throw new InvalidDataException("A feature selection keeps at least one channel.");
        _state = state;
    }

    /// <summary>The kept channels, in the order they had in the fitted series.</summary>
    public IReadOnlyList<string> KeptChannels => _state.KeptChannels;

    /// <summary>Every channel's score, best first.</summary>
    public IReadOnlyList<ChannelScore> Scores => _state.Scores;

    public static FeatureSelector Fit(TimeSeries labelled, FeatureSelectionOptions options)
    {
        options.Validate();
        var labels = labelled.Labels
            ?? throw new ArgumentException("Feature selection by mutual information needs a labelled series.", nameof(labelled));
        if (labels.All(l => l) || !labels.Any(l => l))
            throw new ArgumentException("Feature selection by mutual information needs both normal and anomalous rows.", nameof(labelled));

        var scores = new double[labelled.ChannelCount];
        Parallel.For(0, labelled.ChannelCount, c =>
            scores[c] = MutualInformation.WithLabel(Column(labelled, c), labels, options.Neighbours, options.Seed));

        var ranked = Enumerable.Range(0, scores.Length)
            .Select(c => new ChannelScore(labelled.Channels[c], scores[c]))
            .OrderByDescending(s => s.MutualInformation)
            .ToArray();
        var chosen = ranked
            .Where(s => options.MinimumScore is not { } minimum || s.MutualInformation >= minimum)
            .Take(options.Keep ?? int.MaxValue)
            .Select(s => s.Channel)
            .DefaultIfEmpty(ranked[0].Channel) // a threshold nothing reaches still leaves the best channel
            .ToHashSet(StringComparer.Ordinal);
        var kept = labelled.Channels.Where(chosen.Contains).ToArray();
        return new FeatureSelector(new FeatureSelectionState(kept, ranked));
    }

    /// <summary>The kept channels of a series, found by name, so column order at scoring time does not matter.</summary>
    public TimeSeries Transform(TimeSeries series)
    {
        var indices = KeptChannels.Select(name => IndexOf(series, name)).ToArray();
        var rows = series.Rows;
        var selected = new float[rows * indices.Length];
        for (var r = 0; r < rows; r++)
            for (var j = 0; j < indices.Length; j++)
                selected[r * indices.Length + j] = series.Values[r * series.ChannelCount + indices[j]];
        return new TimeSeries(KeptChannels, selected, series.Timestamps, series.Labels);
    }

    public FeatureSelectionState ToState() => _state;

    private static int IndexOf(TimeSeries series, string name)
    {
        for (var c = 0; c < series.ChannelCount; c++)
            if (string.Equals(series.Channels[c], name, StringComparison.Ordinal)) return c;
        throw new ArgumentException($"The series has no channel '{name}', which the feature selection keeps.", nameof(series));
    }

    private static float[] Column(TimeSeries series, int channel)
    {
        var column = new float[series.Rows];
        for (var r = 0; r < series.Rows; r++) column[r] = series[r, channel];
        return column;
    }
}
