using System.Globalization;
using KukaPortal.Core.Simulation;

namespace KukaPortal.Cli.Commands;

/// <summary>The injected anomalies as a small CSV, so an engineer can see what a detector should find and where.</summary>
public static class AnomalyEventsFile
{
    public static string Write(IReadOnlyList<AnomalyEvent> events, DirectoryInfo folder, string stem)
    {
        var path = Path.Combine(folder.FullName, stem + "-events.csv");
        using var writer = new StreamWriter(path);
        writer.WriteLine("kind,start_row,end_row,axis,description");
        foreach (var e in events)
        {
            var description = e.Description.Replace("\"", "\"\"");
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{AnomalyKinds.NameOf(e.Kind)},{e.StartRow},{e.EndRow},{e.Axis?.ToString(CultureInfo.InvariantCulture) ?? ""},\"{description}\""));
        }
        return path;
    }
}
