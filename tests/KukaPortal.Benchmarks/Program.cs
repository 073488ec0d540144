using KukaPortal.Benchmarks.Push;

// dotnet run --project tests/KukaPortal.Benchmarks -c Release -- push [--clients 50] [--rate 20] [--seconds 30]
// Needs KUKAPORTAL_TEST_POSTGRES (scripts/bench-push.sh starts a throwaway cluster and sets it).
if (args is ["push", .. var rest])
{
    var report = await new PushLatencyBench(PushBenchOptions.Parse(rest), Console.Error).RunAsync();
    Console.WriteLine(report);
    return 0;
}
Console.Error.WriteLine("usage: KukaPortal.Benchmarks push [--clients 50] [--rate 20] [--seconds 30]");
return 2;
