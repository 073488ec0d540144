using KukaPortal.Benchmarks.Push;
using KukaPortal.Benchmarks.Scoring;
using KukaPortal.Benchmarks.Soak;

// The suites that host the whole portal in-process; run them through ./kukaportal bench|soak (scripts/bench.sh and
// scripts/soak.sh start a throwaway PostgreSQL and set KUKAPORTAL_TEST_POSTGRES, which they all need).
const string Usage = """
    usage: KukaPortal.Benchmarks push [--clients N --assets N --rate N --seconds N --warm-up 15] [--score-jobs 0 --backlog-rows 100000] [--torch-threads N] [--json]   (no scenario options: both of issue 8's scenarios)
           KukaPortal.Benchmarks pipeline [--rows 275000] [--train-rows 20000] [--repeat 5] [--batch 256] [--torch-threads 0] [--scoring-lanes 0] [--train-iterations 50] [--json]
           KukaPortal.Benchmarks kuka [--rows 275000] [--train-rows 20000] [--batch 256] [--torch-threads 0] [--scoring-lanes 0] [--train-iterations 50] [--json]
           KukaPortal.Benchmarks memory [--score-jobs 1000] [--score-rows 600] [--train-jobs 20] [--import-mb 1000] [--train-iterations 50] [--json]
           KukaPortal.Benchmarks soak [--minutes 10 --dashboards 50 --assets 5 --rate 5 --uploads 5 …]   (exits 1 on any error)
    """;
try
{
    switch (args)
    {
        case ["push", .. var rest]:
            Console.WriteLine(await new PushLatencyBench(Console.Error).RunAsync(PushBenchOptions.Parse(rest)));
            return 0;
        case ["soak", .. var rest]:
            var report = await new SoakRun(SoakOptions.Parse(rest), Console.Error).RunAsync();
            Console.WriteLine(report.Markdown);
            return report.Errors == 0 ? 0 : 1;
        case [("pipeline" or "kuka" or "memory") and var verb, .. var rest]:
            var bench = new BenchArgs(rest);
            var result = verb switch
            {
                "pipeline" => await new PipelineBench(Console.Error).RunAsync(bench),
                "kuka" => await new KukaBench(Console.Error).RunAsync(bench),
                _ => await new MemoryBench(Console.Error).RunAsync(bench),
            };
            Console.WriteLine(result.Render(bench.Json));
            return 0;
        default:
            Console.Error.WriteLine(Usage);
            return 2;
    }
}
catch (Exception e) when (e is ArgumentException or BenchUsageException)
{
    Console.Error.WriteLine($"{e.Message}\n{Usage}");
    return 2;
}
