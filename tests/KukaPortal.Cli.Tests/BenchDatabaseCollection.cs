namespace KukaPortal.Cli.Tests;

/// <summary>
/// The bench commands each create and drop a throwaway kukaportal_bench_* database, and their tests check that none
/// is left over; run together, one test would see the other's database come and go. So they run one after the other.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BenchDatabaseCollection
{
    public const string Name = "Bench databases";
}
