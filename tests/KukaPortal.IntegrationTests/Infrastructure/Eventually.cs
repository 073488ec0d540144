namespace KukaPortal.IntegrationTests.Infrastructure;

/// <summary>Waits for something the portal does in the background; fails with a timeout if it never happens.</summary>
public static class Eventually
{
    public static Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string what = "the condition") =>
        WaitUntilAsync(() => Task.FromResult(condition()), timeout, what);

    public static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what = "the condition")
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out after {timeout} waiting for {what}.");
            await Task.Delay(50);
        }
    }
}
