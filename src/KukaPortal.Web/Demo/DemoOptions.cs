namespace KukaPortal.Web.Demo;

public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>On a first run, create a simulated robot cell, train on it and replay anomalies through it (on in the shipped appsettings.json).</summary>
    public bool Enabled { get; set; }

    /// <summary>Rows of each simulated recording; 20,000 rows at the KUKA IPO rate are 4 minutes.</summary>
    public int Rows { get; set; } = 20_000;

    /// <summary>Seed of the simulator; the normal recording uses it, the anomalous one the next.</summary>
    public int Seed { get; set; } = 11;

    /// <summary>How often the demo checks whether its next step (training done, replay to start) is due.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The demo's inspection station: seeded with a simulated image set and trained, then fed one image per <see cref="InspectionInterval"/>.</summary>
    public string InspectionStationName { get; set; } = "Inspection station 1";

    /// <summary>How often the demo feed sends the inspection station a simulated image once it has an active model.</summary>
    public TimeSpan InspectionInterval { get; set; } = TimeSpan.FromSeconds(3);
}
