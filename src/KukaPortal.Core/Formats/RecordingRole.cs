using System.Text.Json.Serialization;

namespace KukaPortal.Core.Formats;

/// <summary>What a recording is known to show, when its source says so (the KUKA layout does).</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<RecordingRole>))]
public enum RecordingRole
{
    Unspecified,
    /// <summary>Normal operation: training material.</summary>
    Normal,
    /// <summary>Every row is anomalous (e.g. the robot run slowly).</summary>
    Abnormal,
}
