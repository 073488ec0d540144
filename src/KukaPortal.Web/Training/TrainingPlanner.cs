using KukaPortal.Core.Thresholds;
using KukaPortal.Data;
using KukaPortal.Data.Entities;
using KukaPortal.Data.Training;
using KukaPortal.Ml.ConvAutoencoder;
using KukaPortal.Ml.Models;
using KukaPortal.Ml.Training;
using KukaPortal.Web.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KukaPortal.Web.Training;

/// <summary>A checked training request: what the job will store, and what retraining from feedback left out.</summary>
public sealed record TrainingPlan(TrainingParameters Parameters, FalseAlarmFeedback Feedback);

/// <summary>
/// Checks a training request against the asset's data and fills in the defaults, so that a request that
/// cannot train is refused with a reason before anything is queued.
/// </summary>
public sealed class TrainingPlanner(IDbContextFactory<PortalDbContext> dbFactory, IOptions<TrainingOptions> options)
{
    public async Task<TrainingPlan> PlanAsync(int assetId, TrainingRequest request, CancellationToken ct)
    {
        var defaults = options.Value;
        var ids = request.NormalRecordingIds;
        if (ids.Count == 0)
            throw TrainingRequestException.Malformed("Choose at least one recording of normal operation to train on (recordingIds).");
        if (ids.Distinct().Count() != ids.Count)
            throw TrainingRequestException.Malformed("A recording is listed twice in recordingIds; list each once.");
        var familyName = request.Family ?? ModelFamily.ConvAe.Name();
        if (!ModelFamilyNames.TryParse(familyName, out var family))
            throw TrainingRequestException.Malformed($"'{familyName}' is not a model family: choose one of {string.Join(", ", ModelFamilyNames.All)}.");
        var strategyText = request.ThresholdStrategy ?? new QuantileStrategy(defaults.ThresholdQuantile).ToString();
        ThresholdStrategy strategy;
        try { strategy = ThresholdStrategy.Parse(strategyText); }
        catch (FormatException e) { throw TrainingRequestException.Malformed(e.Message); }

        var familyDefaults = DetectorSettings.For(family);
        // The portal's configured W and L are for the conv families; the dense ones keep paper 001's.
        var convolutional = family is ModelFamily.ConvAe or ModelFamily.ConvAae;
        var parameters = new TrainingParameters
        {
            NormalRecordingIds = ids,
            ValidationRecordingId = request.ValidationRecordingId,
            Family = family.Name(),
            Window = request.Window ?? (convolutional ? defaults.Window : familyDefaults.Window),
            Latent = request.Latent ?? (convolutional ? defaults.Latent : familyDefaults.Latent),
            Lambda = request.Lambda ?? familyDefaults.FeatureMatchingWeight,
            Iterations = request.Iterations ?? defaults.Iterations,
            ThresholdStrategy = strategy.ToString(),
        };
        CheckShape(family, parameters);
        if (strategy is BudgetStrategy)
            throw TrainingRequestException.Unprocessable($"The '{strategy}' threshold is set on a trained model from its alarm budget, not at training: choose quantile:Q or f1max here.");
        if (strategy is F1MaxStrategy && request.ValidationRecordingId is null)
            throw TrainingRequestException.Unprocessable("The f1max threshold needs a labelled validation recording: choose one, or use quantile:Q.");

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Assets.AnyAsync(a => a.Id == assetId, ct))
            throw new TrainingRequestException(StatusCodes.Status404NotFound, $"There is no asset {assetId}.");
        var normals = await NormalRecordingsAsync(db, assetId, ids, ct);
        var channels = normals[0].Channels.ToHashSet();
        foreach (var other in normals.Skip(1).Where(r => !r.Channels.ToHashSet().SetEquals(channels)))
            throw TrainingRequestException.Unprocessable($"'{other.FileName}' has other channels than '{normals[0].FileName}'; train on recordings of one channel set.");
        if (request.ValidationRecordingId is { } validationId)
            await CheckValidationAsync(db, assetId, validationId, channels, normals[0].FileName, ct);

        var feedback = request.IncludeFalseAlarms
            ? await FalseAlarmSegments.FindAsync(db, assetId, channels, parameters.Window, ct)
            : FalseAlarmFeedback.None;
        parameters = parameters with { ExtraSegments = feedback.Segments };
        CheckEnoughData(family, parameters, normals.Select(r => r.Rows).Concat(feedback.Segments.Select(s => s.EndRow - s.StartRow)).ToArray());
        return new TrainingPlan(parameters, feedback);
    }

    private static void CheckShape(ModelFamily family, TrainingParameters p)
    {
        if (family is ModelFamily.ConvAe or ModelFamily.ConvAae && p.Window is < ConvAePlan.MinWindow or > ConvAePlan.MaxWindow)
            throw TrainingRequestException.Unprocessable($"The window W = {p.Window} does not fit the {p.Family} model: it takes W from {ConvAePlan.MinWindow} to {ConvAePlan.MaxWindow}.");
        if (p.Window < 1)
            throw TrainingRequestException.Unprocessable($"The window W = {p.Window} must be at least 1 row.");
        if (p.Latent < 1)
            throw TrainingRequestException.Unprocessable($"The latent size L = {p.Latent} must be at least 1.");
        if (p.Iterations < 1)
            throw TrainingRequestException.Unprocessable($"Iterations must be more than 0 (got {p.Iterations}).");
        if (!(p.Lambda >= 0) || !double.IsFinite(p.Lambda))
            throw TrainingRequestException.Unprocessable($"λ (the feature-matching weight) must be 0 or more (got {p.Lambda}).");
    }

    private static async Task<List<Recording>> NormalRecordingsAsync(PortalDbContext db, int assetId, IReadOnlyList<int> ids, CancellationToken ct)
    {
        var found = await db.Recordings.AsNoTracking().Where(r => ids.Contains(r.Id)).ToListAsync(ct);
        var result = new List<Recording>();
        foreach (var id in ids)
        {
            var recording = found.SingleOrDefault(r => r.Id == id && r.AssetId == assetId)
                ?? throw TrainingRequestException.Unprocessable($"Recording {id} does not belong to asset {assetId}.");
            if (recording.Purpose != RecordingPurpose.Normal)
                throw TrainingRequestException.Unprocessable($"'{recording.FileName}' was uploaded for scoring; train on recordings of normal operation.");
            result.Add(recording);
        }
        return result;
    }

    private static async Task CheckValidationAsync(PortalDbContext db, int assetId, int id, IReadOnlySet<string> channels, string firstNormal, CancellationToken ct)
    {
        var recording = await db.Recordings.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id && r.AssetId == assetId, ct)
            ?? throw TrainingRequestException.Unprocessable($"Validation recording {id} does not belong to asset {assetId}.");
        if (recording.AnomalousRows is not { } anomalous)
            throw TrainingRequestException.Unprocessable($"'{recording.FileName}' has no label column, so it cannot measure the model: upload a recording with labels for validation.");
        if (anomalous == 0 || anomalous == recording.Rows)
            throw TrainingRequestException.Unprocessable($"'{recording.FileName}' labels {(anomalous == 0 ? "no" : "every")} row anomalous; validation needs both normal and anomalous rows.");
        if (!recording.Channels.ToHashSet().SetEquals(channels))
            throw TrainingRequestException.Unprocessable($"Validation recording '{recording.FileName}' has other channels than '{firstNormal}'.");
    }

    private static void CheckEnoughData(ModelFamily family, TrainingParameters p, IReadOnlyList<int> segmentRows)
    {
        var settings = DetectorSettings.For(family) with { Window = p.Window };
        try
        {
            HoldOutSplit.Of(segmentRows, settings.Window, settings.EffectiveStride, settings.ValidationFraction);
        }
        catch (ArgumentException e)
        {
            throw TrainingRequestException.Unprocessable(e.Message);
        }
    }
}
