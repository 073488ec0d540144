using KukaPortal.Ml.Models;

namespace KukaPortal.Ml.Training;

/// <summary>
/// What <see cref="GradientTraining"/> needs to continue a run: written into a <see cref="TrainingCheckpoint"/>
/// at a progress report and read back by a retry of the same run.
/// </summary>
internal sealed record RunState(double BestValidation, int ReportsSinceBest)
{
    public TrainingCheckpoint Capture(int iteration, string runFingerprint, WindowModel model, ITrainingStep step, WeightSnapshot? best)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            model.save(writer);
            step.SaveState(writer);
            writer.Write(BestValidation);
            writer.Write(ReportsSinceBest);
            writer.Write(best is not null);
            best?.WriteTo(writer);
        }
        return new TrainingCheckpoint(iteration, runFingerprint, buffer.ToArray());
    }

    public static RunState Restore(TrainingCheckpoint checkpoint, WindowModel model, ITrainingStep step, WeightSnapshot? best)
    {
        using var reader = new BinaryReader(new MemoryStream(checkpoint.State));
        model.load(reader);
        step.LoadState(reader);
        var state = new RunState(reader.ReadDouble(), reader.ReadInt32());
        if (reader.ReadBoolean() && best is not null)
            best.ReadFrom(reader);
        return state;
    }
}
