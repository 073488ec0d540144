using System.Numerics;
using Parquet;
using Parquet.Schema;

namespace KukaPortal.Core.Formats;

/// <summary>
/// Reads one column of one row group as doubles, whatever its numeric type: nulls become NaN,
/// decimals and 64-bit integers are rounded to the nearest double, date-times become ticks.
/// </summary>
internal static class ParquetColumn
{
    public static bool IsNumeric(Type type) =>
        type == typeof(float) || type == typeof(double) || type == typeof(Half) || type == typeof(decimal) || type == typeof(bool) ||
        type == typeof(sbyte) || type == typeof(byte) || type == typeof(short) || type == typeof(ushort) ||
        type == typeof(int) || type == typeof(uint) || type == typeof(long) || type == typeof(ulong);

    public static bool IsTime(Type type) => type == typeof(DateTime) || type == typeof(TimeSpan);

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
        else if (type == typeof(DateTime)) await ReadAsync<DateTime>(group, field, destination, t => t.Ticks, cancellationToken);
        else if (type == typeof(TimeSpan)) await ReadAsync<TimeSpan>(group, field, destination, t => t.Ticks, cancellationToken);
        else throw new InvalidOperationException($"Column '{field.Name}' of type {type.Name} should have been skipped.");
    }

    private static Task ReadNumbersAsync<T>(ParquetRowGroupReader group, DataField field, double[] destination, CancellationToken cancellationToken)
        where T : struct, INumberBase<T> =>
        ReadAsync<T>(group, field, destination, double.CreateTruncating, cancellationToken);

    private static async Task ReadAsync<T>(ParquetRowGroupReader group, DataField field, double[] destination, Func<T, double> convert, CancellationToken cancellationToken)
        where T : struct
    {
        if (field.IsNullable)
        {
            var values = new T?[destination.Length];
            await group.ReadAsync<T>(field, values, null, cancellationToken);
            for (var i = 0; i < values.Length; i++) destination[i] = values[i] is { } v ? convert(v) : double.NaN;
        }
        else
        {
            var values = new T[destination.Length];
            await group.ReadAsync<T>(field, values, null, cancellationToken);
            for (var i = 0; i < values.Length; i++) destination[i] = convert(values[i]);
        }
    }
}
