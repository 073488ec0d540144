using KukaPortal.Core.Series;
using KukaPortal.Ml.Scoring;

namespace KukaPortal.Ml.Training;

/// <summary>
/// Normal data made of several pieces (recordings, or row ranges of them) laid end to end in one series,
/// with the length of each piece so that training windows are cut inside pieces only. Every piece is
/// aligned to the channels of the first, by name.
/// </summary>
public sealed record TrainingSegments(TimeSeries Series, IReadOnlyList<int> SegmentRows)
{
    public static TrainingSegments Single(TimeSeries series) => new(series, [series.Rows]);

    public static TrainingSegments Of(IReadOnlyList<TimeSeries> pieces)
    {
        ArgumentNullException.ThrowIfNull(pieces);
        if (pieces.Count == 0)
            throw new ArgumentException("Training needs at least one piece of normal data.", nameof(pieces));
        if (pieces.Count == 1)
            return Single(pieces[0]);
        var channels = pieces[0].Channels;
        var aligned = pieces.Select(p => ChannelAlignment.Align(p, channels)).ToArray();
        var values = new float[aligned.Sum(p => p.Values.Length)];
        var offset = 0;
        foreach (var piece in aligned)
        {
            piece.Values.CopyTo(values, offset);
            offset += piece.Values.Length;
        }
        return new TrainingSegments(new TimeSeries(channels, values), aligned.Select(p => p.Rows).ToArray());
    }
}
