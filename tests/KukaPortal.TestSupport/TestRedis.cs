namespace KukaPortal.TestSupport;

/// <summary>The Redis that ./test.sh starts (KUKAPORTAL_TEST_REDIS), the SignalR backplane of the two-node tests.</summary>
public static class TestRedis
{
    public const string Variable = "KUKAPORTAL_TEST_REDIS";

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable(Variable)
        ?? throw new InvalidOperationException(
            $"{Variable} is not set. Run the tests with ./test.sh, which starts a throwaway Redis and sets it.");
}
