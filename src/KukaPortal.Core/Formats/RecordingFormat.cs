using System.Text.Json.Serialization;

namespace KukaPortal.Core.Formats;

/// <summary>The file format a recording was decoded from (a zip is a container, not a format).</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<RecordingFormat>))]
public enum RecordingFormat
{
    /// <summary>Delimited text: comma, semicolon or tab separated.</summary>
    Csv,
    /// <summary>A NumPy <c>.npy</c> array.</summary>
    Npy,
    /// <summary>An Apache Parquet file.</summary>
    Parquet,
}
