using System.Numerics;
using Parquet;
using Parquet.Schema;

namespace KukaPortal.Core.Formats;

/// <summary>
/// Reads one column of one row group as doubles, whatever its numeric type (nulls become NaN, decimals
/// and 64-bit integers are rounded to the nearest double), or a date-time column as ticks: a tick count
/// of today (~6e17) does not fit a double exactly, so times stay integers until the origin is subtracted.
/// </summary>
internal static class ParquetColumn
{
    public static bool IsNumeric(Type type) =>
        type == typeof(float) || type == typeof(double) || type == typeof(Half) || type == typeof(decimal) || type == typeof(bool) ||
        type == typeof(sbyte) || type == typeof(byte) || type == typeof(short) || type == typeof(ushort) ||
        type == typeof(int) || type == typeof(uint) || type == typeof(long) || type == typeof(ulong);

    public static bool IsTime(Type type) => type == typeof(DateTime) || type == typeof(TimeSpan);

    /// <summary>What a column holds, in words for a note or an error.</summary>
    public static string Describe(Type type) =>
        type == typeof(string) || type == typeof(ReadOnlyMemory<char>) ? "text"
        : type == typeof(byte[]) || type == typeof(ReadOnlyMemory<byte>) ? "binary data"
        : type == typeof(DateTime) ? "date-times"
        : type == typeof(TimeSpan) ? "durations"
        : $"{type.Name} values";

    public static async Task ReadAsync(ParquetRowGroupReader group, DataField field, double[] destination, CancellationToken cancellationToken)
    {
        var type = field.ClrType;
        if (type == typeof(float)) await ReadNumbersAsync<float>(group, field, destination, cancellationToken);
        else if (type == typeof(double)) await ReadNumbersAsync<double>(group, field, destination, cancellationToken);
        else if (type == typeof(Half)) await ReadNumbersAsync<Half>(group, field, destination, cancellationToken);
        else if (type == typeof(decimal)) await ReadNumbersAsync<decimal>(group, field, destination, cancellationToken);
        else if (type == typeof(sbyte)) await ReadNumbersAsync<sbyte>(group, field, destination, cancellationToken);
        else if (type == typeof(byte)) await ReadNumbersAsync<byte>(group, field, destination, cancellationToken);
        else if (type == typeof(short)) await ReadNumbersAsync<short>(group, field, destination, cancellationToken);
        else if (type == typeof(ushort)) await ReadNumbersAsync<ushort>(group, field, destination, cancellationToken);
        else if (type == typeof(int)) await ReadNumbersAsync<int>(group, field, destination, cancellationToken);
        else if (type == typeof(uint)) await ReadNumbersAsync<uint>(group, field, destination, cancellationToken);
        else if (type == typeof(long)) await ReadNumbersAsync<long>(group, field, destination, cancellationToken);
        else if (type == typeof(ulong)) await ReadNumbersAsync<ulong>(group, field, destination, cancellationToken);
        else if (type == typeof(bool)) await ReadAsync<bool>(group, field, destination, b => b ? 1 : 0, cancellationToken);
        else throw new InvalidOperationException($"Column '{field.Name}' of type {type.Name} should have been skipped.");
    }

    /// <summary>Ticks of a date-time or duration column; a null becomes <see cref="long.MinValue"/>.</summary>
    public static async Task ReadTicksAsync(ParquetRowGroupReader group, DataField field, long[] destination, CancellationToken cancellationToken)
    {
        if (field.ClrType == typeof(DateTime))
            await ReadAsync<DateTime, long>(group, field, destination, t => t.Ticks, long.MinValue, cancellationToken);
        else
            await ReadAsync<TimeSpan, long>(group, field, destination, t => t.Ticks, long.MinValue, cancellationToken);
    }

    private static Task ReadNumbersAsync<T>(ParquetRowGroupReader group, DataField field, double[] destination, CancellationToken cancellationToken)
        where T : struct, INumberBase<T> =>
        ReadAsync<T, double>(group, field, destination, double.CreateTruncating, double.NaN, cancellationToken);

    private static Task ReadAsync<T>(ParquetRowGroupReader group, DataField field, double[] destination, Func<T, double> convert, CancellationToken cancellationToken)
        where T : struct =>
        ReadAsync(group, field, destination, convert, double.NaN, cancellationToken);

    private static async Task ReadAsync<T, TResult>(ParquetRowGroupReader group, DataField field, TResult[] destination, Func<T, TResult> convert, TResult missing, CancellationToken cancellationToken)
        where T : struct
    {
        if (field.IsNullable)
        {
            var values = new T?[destination.Length];
            await group.ReadAsync<T>(field, values, null, cancellationToken);
            for (var i = 0; i < values.Length; i++) destination[i] = values[i] is { } v ? convert(v) : missing;
        }
        else
        {
            var values = new T[destination.Length];
            await group.ReadAsync<T>(field, values, null, cancellationToken);
            for (var i = 0; i < values.Length; i++) destination[i] = convert(values[i]);
        }
    }
}
