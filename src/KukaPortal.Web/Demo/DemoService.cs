using Microsoft.Extensions.Options;

namespace KukaPortal.Web.Demo;

/// <summary>Drives <see cref="DemoSeeder"/> in the background until the demo runs by itself, so ./run.sh shows live scores without anyone clicking.</summary>
public sealed class DemoService(DemoSeeder seeder, IOptions<DemoOptions> options, TimeProvider time, ILogger<DemoService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await seeder.StepAsync(stoppingToken)) return;
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
