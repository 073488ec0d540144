using System.Text.Json.Serialization;
using KukaPortal.Core.Formats;

namespace KukaPortal.Core.Validation;

/// <summary>What to do with missing values (NaN, empty cells, nulls) and infinities, which no model can learn from.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<MissingValuePolicy>))]
public enum MissingValuePolicy
{
    /// <summary>Refuse the recording, naming each channel with gaps.</summary>
    Reject,
    /// <summary>Fill gaps linearly between the neighbouring values of the same channel (by row); leading and trailing gaps take the nearest value.</summary>
    Interpolate,
    /// <summary>Leave out every row that has a gap in any channel.</summary>
    DropRows,
}
