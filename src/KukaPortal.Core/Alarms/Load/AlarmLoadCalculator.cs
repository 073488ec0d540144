namespace KukaPortal.Core.Alarms.Load;

/// <summary>
/// Computes the alarm-load KPIs of a period from alarm records. Pure, so every number is checked
/// against hand-computed values. Windows of length W are half-open: raises at t and t + W are in
/// different windows, so "3 raises within 1 minute" means the first and last are less than a minute apart.
/// </summary>
public static class AlarmLoadCalculator
{
    private static readonly TimeSpan RateUnit = TimeSpan.FromMinutes(10);

    /// <param name="alarms">Alarms raised in the period, plus older ones whose condition is still active (for staleness).</param>
    /// <param name="now">The moment staleness is judged at.</param>
    public static AlarmLoadReport Compute(IReadOnlyList<AlarmRecord> alarms, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now, AlarmOptions options)
    {
        if (to <= from) throw new ArgumentException("The period must end after it starts.", nameof(to));
        var inPeriod = alarms.Where(a => a.RaisedAt >= from && a.RaisedAt < to).ToList();
        var load = inPeriod.Where(a => a.Annunciated).OrderBy(a => a.RaisedAt).ToList();
        var units = (to - from) / RateUnit;

        var perAsset = load.GroupBy(a => a.AssetId)
            .Select(g => new AssetAlarmCount(g.Key, g.Count(), g.Count() / units))
            .OrderByDescending(c => c.Alarms).ThenBy(c => c.AssetId)
            .ToList();

        var acknowledgeTimes = inPeriod.Where(a => a.AcknowledgedAt is not null)
            .Select(a => a.AcknowledgedAt!.Value - a.RaisedAt).ToList();

        var classified = inPeriod.Count(a => a.Classification is { } c && c != AlarmClassification.Unknown);
        var falseAlarms = inPeriod.Count(a => a.Classification == AlarmClassification.FalseAlarm);

        return new AlarmLoadReport(
            from, to,
            load.Count,
            load.Count / units,
            perAsset.OrderBy(c => c.AssetId).ToList(),
            Floods(load.Select(a => a.RaisedAt).ToList(), options),
            Chattering(load, options),
            alarms.Where(a => a.ConditionActive && AlarmLifecycle.IsActive(a.State) && now - a.RaisedAt > options.StaleAfter)
                .Select(a => a.AlarmId).Order().ToList(),
            acknowledgeTimes.Count,
            acknowledgeTimes.Count == 0 ? null : TimeSpan.FromTicks((long)acknowledgeTimes.Average(t => t.Ticks)),
            acknowledgeTimes.Count == 0 ? null : acknowledgeTimes.Max(),
            perAsset.Take(options.TopOffenders).ToList(),
            classified,
            falseAlarms,
            // "Unknown" means the operator could not tell, so it is not a verdict either way.
            classified == 0 ? null : (double)falseAlarms / classified);
    }

    /// <summary>
    /// Every raise whose window (the raises less than W before it, itself included) holds more than
    /// the flood limit marks the span from that window's first raise to itself; overlapping spans merge.
    /// </summary>
    private static List<FloodPeriod> Floods(List<DateTimeOffset> raises, AlarmOptions options)
    {
        var spans = new List<(int First, int Last)>();
        var first = 0;
        for (var last = 0; last < raises.Count; last++)
        {
            while (raises[last] - raises[first] >= options.FloodWindow) first++;
            if (last - first + 1 <= options.FloodAlarms) continue;
            if (spans.Count > 0 && first <= spans[^1].Last)
                spans[^1] = (spans[^1].First, last);
            else
                spans.Add((first, last));
        }
        return spans.Select(s => new FloodPeriod(raises[s.First], raises[s.Last], s.Last - s.First + 1)).ToList();
    }

    private static List<ChatteringAsset> Chattering(List<AlarmRecord> load, AlarmOptions options)
    {
        var result = new List<ChatteringAsset>();
        foreach (var asset in load.GroupBy(a => a.AssetId).OrderBy(g => g.Key))
        {
            var raises = asset.Select(a => a.RaisedAt).ToList();
            var most = 0;
            DateTimeOffset? detected = null;
            var first = 0;
            for (var last = 0; last < raises.Count; last++)
            {
                while (raises[last] - raises[first] >= options.ChatterWindow) first++;
                var count = last - first + 1;
                most = Math.Max(most, count);
                if (count >= options.ChatterRaises) detected ??= raises[last];
            }
            if (detected is { } at) result.Add(new ChatteringAsset(asset.Key, most, at));
        }
        return result;
    }
}
