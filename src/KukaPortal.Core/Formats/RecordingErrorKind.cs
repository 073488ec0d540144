using System.Text.Json.Serialization;

namespace KukaPortal.Core.Formats;

/// <summary>What kind of problem made a file unreadable, so that callers can group and explain errors.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<RecordingErrorKind>))]
public enum RecordingErrorKind
{
    /// <summary>The file holds nothing at all.</summary>
    EmptyFile,
    /// <summary>A header but no rows, or an array with no elements.</summary>
    NoData,
    /// <summary>A header name is empty or given twice.</summary>
    BadHeader,
    /// <summary>A column named in the options is not in the file.</summary>
    ColumnNotFound,
    /// <summary>Nothing is left to be a channel once time, label and excluded columns are taken.</summary>
    NoChannels,
    /// <summary>A row has more or fewer fields than the header.</summary>
    RaggedRow,
    /// <summary>A channel cell is not a number.</summary>
    NotANumber,
    /// <summary>A time cell is neither seconds nor an ISO 8601 time.</summary>
    BadTime,
    /// <summary>A label cell is not 0/1 or true/false.</summary>
    BadLabel,
    /// <summary>The text is not well formed (an unclosed quote, a line too long).</summary>
    Malformed,
    /// <summary>The element type cannot be a recording (object, string, complex, structured).</summary>
    UnsupportedType,
    /// <summary>An array with more than two dimensions, or none.</summary>
    UnsupportedShape,
    /// <summary>The file ends before the data its header declares.</summary>
    Truncated,
    /// <summary>The file declares or holds more than the configured limits allow.</summary>
    TooLarge,
    /// <summary>The channel names from a companion file do not fit the data.</summary>
    ChannelNames,
    /// <summary>The file is none of the formats read here.</summary>
    UnknownFormat,
    /// <summary>A zip entry that could escape the archive's folder, a link, or a nested archive.</summary>
    UnsafeArchive,
}
