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

    /// <summary>Also set up a simulated inspection station (metal parts, grey, 64 px): import, train, score its test set.</summary>
    public bool Inspection { get; set; } = true;

    /// <summary>Defect-free training images of the station's set; the test set has a few good and a few of each defect.</summary>
    public int InspectionTrainImages { get; set; } = 120;

    /// <summary>conv-ae-2d iterations (batch 16): about a minute on two CPU cores.</summary>
    public int InspectionIterations { get; set; } = 300;

    /// <summary>How often the demo checks whether its next step (training done, replay to start) is due.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The demo's inspection station: seeded with a simulated image set and trained, then fed one image per <see cref="InspectionInterval"/>.</summary>
    public string InspectionStationName { get; set; } = "Inspection station 1";

    /// <summary>How often the demo feed sends the inspection station a simulated image once it has an active model.</summary>
    public TimeSpan InspectionInterval { get; set; } = TimeSpan.FromSeconds(3);
}
