namespace KukaPortal.Core.Validation;

/// <summary>Sampling period, jitter, span and time-order problems from a timestamp column.</summary>
internal static class TimingStatistics
{
    public static TimingReport Compute(double[] times)
    {
        var steps = new List<double>(Math.Max(0, times.Length - 1));
        int backwards = 0, duplicates = 0;
        long? firstBackwards = null, firstDuplicate = null;
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        for (var i = 0; i < times.Length; i++)
        {
            if (!double.IsFinite(times[i])) continue;
            min = Math.Min(min, times[i]);
            max = Math.Max(max, times[i]);
            if (i == 0 || !double.IsFinite(times[i - 1])) continue;

            var step = times[i] - times[i - 1];
            if (step > 0) steps.Add(step);
            else if (step == 0) { duplicates++; firstDuplicate ??= i + 1; }
            else { backwards++; firstBackwards ??= i + 1; }
        }

        var span = max >= min ? max - min : 0;
        if (steps.Count == 0) return new TimingReport(null, null, null, span, backwards, firstBackwards, duplicates, firstDuplicate);

        var median = Median(steps);
        var mad = Median(steps.Select(s => Math.Abs(s - median)).ToList());
        var mean = steps.Average();
        var std = Math.Sqrt(steps.Sum(s => (s - mean) * (s - mean)) / steps.Count);
        return new TimingReport(median, mad, std, span, backwards, firstBackwards, duplicates, firstDuplicate);
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        var middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
