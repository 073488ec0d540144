using KukaPortal.Data.Entities;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace KukaPortal.Data;

public sealed class PortalDbContext(DbContextOptions<PortalDbContext> options)
    : IdentityDbContext<PortalUser>(options)
{
    public DbSet<Asset> Assets => Set<Asset>();
    public DbSet<Recording> Recordings => Set<Recording>();
    public DbSet<DetectorModel> Models => Set<DetectorModel>();
    public DbSet<Job> Jobs => Set<Job>();
    public DbSet<WindowScoreRow> WindowScores => Set<WindowScoreRow>();
    public DbSet<Alarm> Alarms => Set<Alarm>();
    public DbSet<AlarmEvent> AlarmEvents => Set<AlarmEvent>();
    public DbSet<StreamRun> StreamRuns => Set<StreamRun>();
    public DbSet<SampleChunk> SampleChunks => Set<SampleChunk>();
    public DbSet<LiveIngestCursor> LiveIngestCursors => Set<LiveIngestCursor>();
    public DbSet<AssetApiKey> AssetApiKeys => Set<AssetApiKey>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<WhatIfReplay> WhatIfReplays => Set<WhatIfReplay>();
    public DbSet<ScoreRollup> ScoreRollups => Set<ScoreRollup>();
    public DbSet<JobLoss> JobLosses => Set<JobLoss>();
    public DbSet<InspectionImage> InspectionImages => Set<InspectionImage>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
    }
}
