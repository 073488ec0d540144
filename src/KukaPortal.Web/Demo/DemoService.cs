using Microsoft.Extensions.Options;

namespace KukaPortal.Web.Demo;

/// <summary>
/// Drives <see cref="DemoSeeder"/> and <see cref="InspectionDemoSeeder"/> in the background until both demos run by
/// themselves, so ./run.sh shows live scores without anyone clicking.
/// </summary>
public sealed class DemoService(DemoSeeder seeder, InspectionDemoSeeder inspection, IOptions<DemoOptions> options, TimeProvider time, ILogger<DemoService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var (robotDone, inspectionDone) = (false, false);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                robotDone = robotDone || await seeder.StepAsync(stoppingToken);
                inspectionDone = inspectionDone || await inspection.StepAsync(stoppingToken);
                if (robotDone && inspectionDone) return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "A demo step failed; trying again shortly");
            }
            try
            {
                await Task.Delay(options.Value.PollInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
