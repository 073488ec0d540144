using System.Text;

namespace KukaPortal.Ml.Training;

/// <summary>
/// The state of a gradient training run (time series or images) after <see cref="Iteration"/> steps: model weights,
/// optimiser moments (and the discriminators of adversarial families), torch's random generator, the early-stopping
/// state (see <see cref="RunState"/>). Opaque outside the trainer; <see cref="RunFingerprint"/> ties it to the
/// settings and data it belongs to.
/// </summary>
public sealed class TrainingCheckpoint
{
    private const string Magic = "KPCK";
    // 2: the random generator's state joined the payload (version 1 checkpoints read as none: the run starts afresh).
    private const int FormatVersion = 2;

    internal TrainingCheckpoint(int iteration, string runFingerprint, byte[] state)
    {
        Iteration = iteration;
        RunFingerprint = runFingerprint;
        State = state;
    }

    public int Iteration { get; }
    public string RunFingerprint { get; }
    internal byte[] State { get; }

    public void WriteTo(Stream stream)
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write(Iteration);
        writer.Write(RunFingerprint);
        writer.Write(State.Length);
        writer.Write(State);
    }

    /// <summary>Reads a checkpoint; a file of another format or version gives null, and training then starts afresh.</summary>
    public static TrainingCheckpoint? ReadFrom(Stream stream)
    {
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        try
        {
            if (reader.ReadString() != Magic || reader.ReadInt32() != FormatVersion)
                return null;
            var iteration = reader.ReadInt32();
            var fingerprint = reader.ReadString();
            var length = reader.ReadInt32();
            var state = reader.ReadBytes(length);
            return state.Length == length ? new TrainingCheckpoint(iteration, fingerprint, state) : null;
        }
        catch (EndOfStreamException)
        {
            return null; // a checkpoint cut short by a crash while it was written
        }
    }
}
