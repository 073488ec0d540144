using KukaPortal.Benchmarks.Push;
using KukaPortal.Benchmarks.Scoring;

// dotnet run --project tests/KukaPortal.Benchmarks -c Release -- push [--clients 50] [--rate 20] [--seconds 30]
//                                                              -- pipeline|kuka|memory [options] [--json]
// Needs KUKAPORTAL_TEST_POSTGRES (scripts/bench-push.sh and scripts/bench-scoring.sh start a throwaway cluster and set it).
if (args is ["push", .. var rest])
{
    var report = await new PushLatencyBench(PushBenchOptions.Parse(rest), Console.Error).RunAsync();
    Console.WriteLine(report);
    return 0;
}
if (args is [("pipeline" or "kuka" or "memory") and var verb, .. var options])
{
    try
    {
        var bench = new BenchArgs(options);
        var result = verb switch
        {
            "pipeline" => await new PipelineBench(Console.Error).RunAsync(bench),
            "kuka" => await new KukaBench(Console.Error).RunAsync(bench),
            _ => await new MemoryBench(Console.Error).RunAsync(bench),
        };
        Console.WriteLine(result.Render(bench.Json));
        return 0;
    }
    catch (BenchUsageException e)
    {
        Console.Error.WriteLine(e.Message);
        return 2;
    }
}
Console.Error.WriteLine("""
    usage: KukaPortal.Benchmarks push [--clients 50] [--rate 20] [--seconds 30]
           KukaPortal.Benchmarks pipeline [--rows 275000] [--train-rows 20000] [--repeat 3] [--batch 256] [--torch-threads 0] [--train-iterations 50] [--json]
           KukaPortal.Benchmarks kuka [--rows 275000] [--train-rows 20000] [--batch 256] [--torch-threads 0] [--train-iterations 50] [--json]
           KukaPortal.Benchmarks memory [--score-jobs 1000] [--score-rows 600] [--train-jobs 20] [--import-mb 1000] [--train-iterations 50] [--json]
    """);
return 2;
