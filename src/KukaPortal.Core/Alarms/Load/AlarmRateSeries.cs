namespace KukaPortal.Core.Alarms.Load;

/// <summary>
/// One point of the alarm-rate chart: the buckets of 10 minutes from <see cref="Start"/> on, their mean count and
/// the count of the busiest one, so a short flood stays visible when a year is drawn.
/// </summary>
public sealed record AlarmRatePoint(DateTimeOffset Start, double MeanPer10Minutes, int MaxPer10Minutes);

/// <summary>
/// Alarms per 10 minutes over a period, for the chart against ISA-18.2's targets (about 1 per 10 minutes
/// acceptable, 2 manageable). Long periods group the 10-minute buckets into at most <c>maxPoints</c> points. Pure.
/// </summary>
public static class AlarmRateSeries
{
    public static readonly TimeSpan Unit = TimeSpan.FromMinutes(10);

    public static IReadOnlyList<AlarmRatePoint> Compute(IEnumerable<DateTimeOffset> raises, DateTimeOffset from, DateTimeOffset to, int maxPoints = 2000)
    {
        if (to <= from) throw new ArgumentException("The period must end after it starts.", nameof(to));
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPoints, 1);
        var units = (int)Math.Ceiling((to - from) / Unit);
        var counts = new int[units];
        foreach (var raised in raises)
        {
            if (raised < from || raised >= to) continue;
            counts[(int)((raised - from) / Unit)]++;
        }
        var perPoint = (units + maxPoints - 1) / maxPoints;
        var points = new List<AlarmRatePoint>((units + perPoint - 1) / perPoint);
        for (var first = 0; first < units; first += perPoint)
        {
            var group = counts.AsSpan(first, Math.Min(perPoint, units - first));
            var sum = 0;
            var max = 0;
            foreach (var c in group) { sum += c; max = Math.Max(max, c); }
            points.Add(new AlarmRatePoint(from + first * Unit, (double)sum / group.Length, max));
        }
        return points;
    }
}
