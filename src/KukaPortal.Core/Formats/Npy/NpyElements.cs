using System.Buffers.Binary;

namespace KukaPortal.Core.Formats;

/// <summary>Converts raw NPY elements of any supported numeric type and byte order to floats, a block at a time.</summary>
internal static class NpyElements
{
    public static void ToFloats(ReadOnlySpan<byte> raw, NpyDtype dtype, Span<float> destination)
    {
        var big = dtype.BigEndian;
        var size = dtype.Size;
        var count = raw.Length / size;
        switch (dtype.Kind, size)
        {
            case ('f', 2):
                for (var i = 0; i < count; i++)
                {
                    var item = raw.Slice(i * 2, 2);
                    destination[i] = (float)(big ? BinaryPrimitives.ReadHalfBigEndian(item) : BinaryPrimitives.ReadHalfLittleEndian(item));
                }
                break;
            case ('f', 4):
                for (var i = 0; i < count; i++)
                {
                    var item = raw.Slice(i * 4, 4);
                    destination[i] = big ? BinaryPrimitives.ReadSingleBigEndian(item) : BinaryPrimitives.ReadSingleLittleEndian(item);
                }
                break;
            case ('f', 8):
                for (var i = 0; i < count; i++)
                {
                    var item = raw.Slice(i * 8, 8);
                    destination[i] = (float)(big ? BinaryPrimitives.ReadDoubleBigEndian(item) : BinaryPrimitives.ReadDoubleLittleEndian(item));
                }
                break;
            case ('i', 1):
                for (var i = 0; i < count; i++) destination[i] = (sbyte)raw[i];
                break;
            case ('u', 1):
                for (var i = 0; i < count; i++) destination[i] = raw[i];
                break;
            case ('b', 1):
                for (var i = 0; i < count; i++) destination[i] = raw[i] == 0 ? 0f : 1f;
                break;
            case ('i', 2):
                for (var i = 0; i < count; i++)
                {
                    var item = raw.Slice(i * 2, 2);
                    destination[i] = big ? BinaryPrimitives.ReadInt16BigEndian(item) : BinaryPrimitives.ReadInt16LittleEndian(item);
                }
                break;
            case ('u', 2):
                for (var i = 0; i < count; i++)
                {
                    var item = raw.Slice(i * 2, 2);
                    destination[i] = big ? BinaryPrimitives.ReadUInt16BigEndian(item) : BinaryPrimitives.ReadUInt16LittleEndian(item);
                }
                break;
            case ('i', 4):
                for (var i = 0; i < count; i++)
                {
                    var item = raw.Slice(i * 4, 4);
                    destination[i] = big ? BinaryPrimitives.ReadInt32BigEndian(item) : BinaryPrimitives.ReadInt32LittleEndian(item);
                }
                break;
            case ('u', 4):
                for (var i = 0; i < count; i++)
                {
                    var item = raw.Slice(i * 4, 4);
                    destination[i] = big ? BinaryPrimitives.ReadUInt32BigEndian(item) : BinaryPrimitives.ReadUInt32LittleEndian(item);
                }
                break;
            case ('i', 8):
                for (var i = 0; i < count; i++)
                {
                    var item = raw.Slice(i * 8, 8);
                    destination[i] = big ? BinaryPrimitives.ReadInt64BigEndian(item) : BinaryPrimitives.ReadInt64LittleEndian(item);
                }
                break;
            case ('u', 8):
                for (var i = 0; i < count; i++)
                {
                    var item = raw.Slice(i * 8, 8);
                    destination[i] = big ? BinaryPrimitives.ReadUInt64BigEndian(item) : BinaryPrimitives.ReadUInt64LittleEndian(item);
                }
                break;
            default:
                throw new InvalidOperationException($"No conversion for '{dtype.Descr}'; NpyDtype.Parse should have refused it.");
        }
    }
}
