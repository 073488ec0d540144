using KukaPortal.Data.Training;
using KukaPortal.Web.Monitoring;

namespace KukaPortal.Web.Components.Training;

/// <summary>The ApexCharts options of the training page, built from data (see ApexChart.razor for the names).</summary>
public static class TrainingCharts
{
    public static object Reconstruction(IReadOnlyCollection<LossPoint> points) => Lines("Reconstruction loss (MSE)", "number",
    [
        ("Training", points.Select(p => Point(p.Iteration, p.Reconstruction))),
        ("Held-out", points.Where(p => p.Validation is not null).Select(p => Point(p.Iteration, p.Validation!.Value))),
    ]);

    public static object DiscriminatorLoss(IReadOnlyCollection<LossPoint> points) => Lines("Discriminator loss", "number",
        [("Discriminator", points.Where(p => p.DiscriminatorLoss is not null).Select(p => Point(p.Iteration, p.DiscriminatorLoss!.Value)))]);

    /// <summary>Accuracy on real windows and reconstructions, averaged: 0.5 is a balanced game, 1 a discriminator that wins.</summary>
    public static object DiscriminatorAccuracy(IReadOnlyCollection<LossPoint> points) => Lines("Discriminator accuracy", "percent",
        [("Accuracy", points.Where(p => p.DiscriminatorAccuracy is not null).Select(p => Point(p.Iteration, p.DiscriminatorAccuracy!.Value)))],
        min: 0, max: 1);

    public static object PrecisionRecall(ModelEvaluation evaluation) => new
    {
        chart = new { type = "line", height = 280, toolbar = new { show = false } },
        series = new[] { new { name = "Precision", data = evaluation.PrecisionRecall.Select(p => Point(p.Recall, p.Precision)).ToArray() } },
        stroke = new { width = 2, curve = "stepline" },
        xaxis = new { type = "numeric", min = 0, max = 1, title = new { text = "Recall" }, labels = new { formatter = "percent" } },
        yaxis = new { min = 0, max = 1, title = new { text = "Precision" }, labels = new { formatter = "percent" } },
    };

    /// <summary>Counts of normal and anomalous windows per score bin; the bins are log-spaced, so the categories read as scores.</summary>
    public static object Histogram(HistogramData histogram) => new
    {
        chart = new { type = "bar", height = 280, toolbar = new { show = false } },
        series = new[]
        {
            new { name = "Normal windows", data = histogram.Normal.ToArray() },
            new { name = "Anomalous windows", data = histogram.Anomalous.ToArray() },
        },
        colors = new[] { "#4caf50", "#ff5252" },
        plotOptions = new { bar = new { columnWidth = "95%" } },
        dataLabels = new { enabled = false },
        xaxis = new
        {
            categories = histogram.Edges.Take(histogram.Normal.Count).Zip(histogram.Edges.Skip(1), (a, b) => Math.Sqrt(a * b).ToString("G2", System.Globalization.CultureInfo.InvariantCulture)).ToArray(),
            title = new { text = "Window score (log-spaced bins)" }, tickAmount = 10,
        },
        yaxis = new { title = new { text = "Windows" }, labels = new { formatter = "integer" } },
    };

    // A diverged run reports NaN or infinite losses. JSON cannot carry them, and a failed interop call would end
    // the page's circuit; ApexCharts draws a null as a gap, so the page stays up and shows where it went wrong.
    private static object Point(double x, double y) => new { x, y = double.IsFinite(y) ? y : (double?)null };

    private static object Lines(string title, string format, (string Name, IEnumerable<object> Data)[] series, double? min = null, double? max = null) => new
    {
        chart = new { type = "line", height = 240, toolbar = new { show = false }, zoom = new { enabled = false } },
        title = new { text = title },
        series = series.Select(s => new { name = s.Name, data = s.Data.ToArray() }).ToArray(),
        stroke = new { width = 2 },
        markers = new { size = 0 },
        xaxis = new { type = "numeric", title = new { text = "Iteration" }, labels = new { formatter = "integer" } },
        // No nulls: ApexCharts reads a null bound as 0.
        yaxis = min is { } low && max is { } high ? (object)new { min = low, max = high, labels = new { formatter = format } } : new { labels = new { formatter = format } },
    };
}
