namespace KukaPortal.Core.Tests.Fuzz;

/// <summary>
/// Deterministic damage to a valid file, the kinds real uploads suffer and attackers try: flipped bits, bytes set to
/// edge values, cut, repeated or inserted runs, a truncated tail, and (for text) numbers that are not numbers.
/// </summary>
public sealed class ByteMutator(int seed)
{
    private static readonly byte[] EdgeBytes = [0x00, 0xFF, 0x7F, 0x80, (byte)'\n', (byte)'\r', (byte)',', (byte)'"', (byte)'-', (byte)'e', (byte)'.'];
    private static readonly string[] TextInserts = ["NaN", "inf", "-Infinity", "1e309", "99999999999999999999999999999", "\"", ",,,,", "\u00ff\u00fe", "\n\n", "\0"];

    private readonly Random _random = new(seed);

    public byte[] Mutate(byte[] original)
    {
        var bytes = original.ToList();
        var operations = 1 + _random.Next(4);
        for (var i = 0; i < operations && bytes.Count > 0; i++)
        {
            var at = _random.Next(bytes.Count);
            switch (_random.Next(7))
            {
                case 0: bytes[at] ^= (byte)(1 << _random.Next(8)); break;
                case 1: bytes[at] = EdgeBytes[_random.Next(EdgeBytes.Length)]; break;
                case 2: bytes.RemoveRange(at, Math.Min(bytes.Count - at, 1 + _random.Next(64))); break;
                case 3: bytes.InsertRange(at, bytes.GetRange(at, Math.Min(bytes.Count - at, 1 + _random.Next(64)))); break;
                case 4: bytes.RemoveRange(at, bytes.Count - at); break;
                case 5: bytes.InsertRange(at, System.Text.Encoding.UTF8.GetBytes(TextInserts[_random.Next(TextInserts.Length)])); break;
                default: bytes.InsertRange(at, Enumerable.Range(0, 1 + _random.Next(16)).Select(_ => (byte)_random.Next(256))); break;
            }
        }
        return bytes.ToArray();
    }
}
