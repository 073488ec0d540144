using KukaPortal.Core.Alarms;
using KukaPortal.Data.Alarms;
using KukaPortal.Data.Audit;
using KukaPortal.Data.Floor;
using KukaPortal.Data.Jobs;
using KukaPortal.Data.Models;
using KukaPortal.Data.Scores;
using KukaPortal.Data.Scores.History;
using KukaPortal.Data.Scores.Partitions;
using KukaPortal.Data.Settings;
using KukaPortal.Data.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace KukaPortal.Data;

public static class DependencyInjection
{
    public const string ConnectionName = "Portal";
    public const string MigrationsAssembly = "KukaPortal.Migrations";

    public static IHostApplicationBuilder AddPortalData(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionName);
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException(
                $"ConnectionStrings:{ConnectionName} is not set. ./run.sh sets it to a private PostgreSQL cluster; otherwise set ConnectionStrings__{ConnectionName}.");

        var dataSource = PortalDataSource.Build(connectionString);
        builder.Services.AddSingleton(dataSource);
        builder.Services.AddOptions<DatabaseRetryOptions>().BindConfiguration(DatabaseRetryOptions.Section)
            .Validate(o => o.MaxRetryCount >= 0 && o.MaxRetryDelay > TimeSpan.Zero, $"{DatabaseRetryOptions.Section}: MaxRetryCount must be 0 or more and MaxRetryDelay positive.")
            .ValidateOnStart();
        // Pooled: a context is created for every ingested chunk, stored batch and page query, and a fresh one builds its
        // internal service scope each time (a tenth of the push bench's CPU before); a pooled one is reset and reused.
        builder.Services.AddPooledDbContextFactory<PortalDbContext>((services, options) =>
            Configure(options, dataSource, services.GetRequiredService<IOptions<DatabaseRetryOptions>>().Value));

        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section);
        builder.Services.AddSingleton<BlobStore>();
        builder.Services.AddSingleton<JobSignal>();
        builder.Services.AddSingleton<JobStore>();
        builder.Services.AddOptions<ScoreOptions>().BindConfiguration(ScoreOptions.Section)
            .Validate(o => o.RetentionDays >= 1, $"{ScoreOptions.Section}:RetentionDays must be at least 1 day.").ValidateOnStart();
        builder.Services.AddSingleton<ScorePartitionMaintainer>();
        builder.Services.AddSingleton<ScorePartitionRetention>();
        builder.Services.AddSingleton<ScoreRollupRetention>();
        builder.Services.AddHostedService<ScoreRetentionService>();
        builder.Services.AddSingleton<ScoreHistoryReader>();
        builder.Services.AddSingleton<ScoreBatchWriter>();
        builder.Services.AddOptions<AlarmOptions>().BindConfiguration(AlarmOptions.Section)
            .Validate(AlarmOptions.BandsRise, "Alarms: the priority bands must rise: LowAt <= MediumAt <= HighAt <= UrgentAt.")
            .ValidateOnStart();
        builder.Services.AddSingleton<ConditionChangeWriter>();
        builder.Services.AddSingleton<ModelChannelNames>();
        builder.Services.AddSingleton<ChannelContributionReader>();
        builder.Services.AddSingleton<AlarmStore>();
        builder.Services.AddSingleton<AssetAlarmModeStore>();
        builder.Services.AddSingleton<AlarmKpiReader>();
        builder.Services.AddSingleton<AlarmListReader>();
        builder.Services.AddSingleton<AlarmDetailReader>();
        builder.Services.AddSingleton<AlarmHistoryReader>();
        builder.Services.AddSingleton<AlarmPeriodReader>();
        builder.Services.AddSingleton<AuditLog>();
        builder.Services.AddSingleton<AuditTrailReader>();
        builder.Services.AddSingleton<FloorReader>();
        builder.Services.AddSingleton<ModelPromotion>();
        builder.Services.AddSingleton<ModelsReader>();
        builder.Services.AddSingleton<AssetSettingsReader>();
        builder.Services.AddSingleton<AlarmRuleCommand>();
        builder.Services.AddSingleton<ThresholdOverrideCommand>();
        builder.Services.AddSingleton<ThresholdPreviewReader>();
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }

    /// <summary>Every context retries transient errors (see <see cref="PortalTransactions"/> for what that asks of transactions).</summary>
    public static void Configure(DbContextOptionsBuilder options, NpgsqlDataSource dataSource, DatabaseRetryOptions? retry = null)
    {
        retry ??= new DatabaseRetryOptions();
        options.UseNpgsql(dataSource, npgsql => npgsql.MigrationsAssembly(MigrationsAssembly)
                   .EnableRetryOnFailure(retry.MaxRetryCount, retry.MaxRetryDelay, errorCodesToAdd: null))
               .UseSnakeCaseNamingConvention();
    }
}
