using TorchSharp;
using static TorchSharp.torch;

namespace KukaPortal.Ml.Training;

/// <summary>
/// What a training loop needs to continue a run — model weights, the step's state, torch's random generator and the
/// early-stopping state — written into a <see cref="TrainingCheckpoint"/> at a progress report and read back by a
/// retry of the same run, or by the run itself going back to its last good state after a NaN
/// (<see cref="DivergenceRecovery"/>). The generator is part of it because some steps draw random numbers (dropout,
/// a VAE's sampled codes, CutPaste): without it a continued run would draw other numbers than an uninterrupted one.
/// </summary>
internal sealed record RunState(double BestValidation, int ReportsSinceBest)
{
    /// <summary>The state of a loop that does no early stopping (the image trainer's).</summary>
    public static readonly RunState WithoutEarlyStopping = new(double.PositiveInfinity, 0);

    public TrainingCheckpoint Capture(int iteration, string runFingerprint, nn.Module model, ICheckpointedStep step, WeightSnapshot? best)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            model.save(writer);
            step.SaveState(writer);
            WriteRandomState(writer);
            writer.Write(BestValidation);
            writer.Write(ReportsSinceBest);
            writer.Write(best is not null);
            best?.WriteTo(writer);
        }
        return new TrainingCheckpoint(iteration, runFingerprint, buffer.ToArray());
    }

    public static RunState Restore(TrainingCheckpoint checkpoint, nn.Module model, ICheckpointedStep step, WeightSnapshot? best)
    {
        using var reader = new BinaryReader(new MemoryStream(checkpoint.State));
        model.load(reader);
        step.LoadState(reader);
        ReadRandomState(reader);
        var state = new RunState(reader.ReadDouble(), reader.ReadInt32());
        if (reader.ReadBoolean() && best is not null)
            best.ReadFrom(reader);
        return state;
    }

    private static void WriteRandomState(BinaryWriter writer)
    {
        using var state = get_rng_state();
        var bytes = state.data<byte>().ToArray();
        writer.Write(bytes.Length);
        writer.Write(bytes);
    }

    private static void ReadRandomState(BinaryReader reader)
    {
        var bytes = reader.ReadBytes(reader.ReadInt32());
        using var state = tensor(bytes);
        set_rng_state(state);
    }
}
