using System.Globalization;
using System.Text;
using KukaPortal.Cli.Commands.Bench.Persistence;
using KukaPortal.Core.Alarms;
using KukaPortal.Data;
using KukaPortal.Data.Alarms;
using KukaPortal.Data.Scores;
using KukaPortal.Data.Scores.History;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KukaPortal.Cli.Commands.Bench.History;

/// <summary>
/// Times the queries the history page runs when it opens, with the portal's own readers on a seeded database:
/// score history of one asset over each preset, the first page of alarms, and the alarm KPIs of a year.
/// </summary>
public sealed class HistoryBenchSuite(BenchDatabase database, DateTimeOffset now, int retentionDays, int repeat)
{
    public sealed record Timing(string Query, int Rows, double BestSeconds);

    public async Task<IReadOnlyList<Timing>> RunAsync(CancellationToken ct)
    {
        var time = new FixedTime(now);
        var dbFactory = new BenchContextFactory(database);
        var scores = new ScoreHistoryReader(database.DataSource, time, Options.Create(new ScoreOptions { RetentionDays = retentionDays }));
        var kpis = new AlarmKpiReader(dbFactory, time, Options.Create(new AlarmOptions()));
        var alarms = new AlarmHistoryReader(dbFactory);
        var asset = database.AssetId;
        var results = new List<Timing>();

        async Task Measure(string query, Func<Task<int>> run)
        {
            var rows = 0;
            var best = await BenchTimer.BestSecondsAsync(repeat, async () => rows = await run());
            results.Add(new Timing(query, rows, best));
        }

        foreach (var (label, span) in new[] { ("30 minutes", TimeSpan.FromMinutes(30)), ("24 hours", TimeSpan.FromHours(24)), ("7 days", TimeSpan.FromDays(7)), ("30 days", TimeSpan.FromDays(30)), ("1 year", TimeSpan.FromDays(365)) })
        {
            ScoreHistoryPlan? plan = null;
            await Measure($"Score history, 1 asset × {label}", async () =>
            {
                var history = await scores.ReadAsync(asset, now - span, now, ct);
                plan = history.Plan;
                return history.Points.Count;
            });
            results[^1] = results[^1] with { Query = $"{results[^1].Query} ({plan!.Level.Name()}, {plan.BucketSeconds} s points)" };
        }
        await Measure("Alarms table page 1 (25 rows + count), all assets × 1 year", async () =>
            (await alarms.PageAsync(new AlarmHistoryFilter(null, now.AddDays(-365), now), 0, 25, ct)).Rows.Count);
        await Measure("Alarms table page 1 (25 rows + count), 1 asset × 1 year", async () =>
            (await alarms.PageAsync(new AlarmHistoryFilter(asset, now.AddDays(-365), now), 0, 25, ct)).Rows.Count);
        await Measure("Alarm KPIs + rate series, all assets × 1 year", async () =>
            (await kpis.ReadHistoryAsync(null, now.AddDays(-365), now, ct)).Report.TotalAlarms);
        await Measure("Alarm KPIs + rate series, 1 asset × 1 year", async () =>
            (await kpis.ReadHistoryAsync(asset, now.AddDays(-365), now, ct)).Report.TotalAlarms);
        await Measure("Alarm KPIs + rate series, all assets × 7 days", async () =>
            (await kpis.ReadHistoryAsync(null, now.AddDays(-7), now, ct)).Report.TotalAlarms);
        return results;
    }

    public static string Markdown(string command, BenchMachine machine, string seeded, IReadOnlyList<Timing> timings)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Command: `{command}`  ");
        text.AppendLine(CultureInfo.InvariantCulture, $"Machine: {machine.Cores} cores, {machine.Cpu}, {machine.Os}, {machine.Runtime}, {machine.Build} build  ");
        text.AppendLine(CultureInfo.InvariantCulture, $"Data: {seeded}");
        text.AppendLine();
        text.AppendLine("| Query | Rows returned | Best ms |");
        text.AppendLine("|---|---:|---:|");
        foreach (var t in timings)
            text.AppendLine(CultureInfo.InvariantCulture, $"| {t.Query} | {t.Rows:N0} | {t.BestSeconds * 1000:0.0} |");
        return text.ToString();
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private sealed class BenchContextFactory(BenchDatabase database) : IDbContextFactory<PortalDbContext>
    {
        public PortalDbContext CreateDbContext() => database.CreateContext();
    }
}
