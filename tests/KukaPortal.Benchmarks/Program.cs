using KukaPortal.Benchmarks.Push;
using KukaPortal.Benchmarks.Soak;

// Needs KUKAPORTAL_TEST_POSTGRES (scripts/bench-push.sh and scripts/soak.sh start a throwaway cluster and set it).
//   push [--clients 50 --assets 1 --rate 20 --seconds 20]   no options: both of issue 8's scenarios
//   soak [--minutes 10 --dashboards 50 --assets 5 --rate 5 --uploads 5 …]   exits 1 on any error
const string Usage = "usage: KukaPortal.Benchmarks push [--clients N --assets N --rate N --seconds N] | soak [--minutes N …]";
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
        default:
            Console.Error.WriteLine(Usage);
            return 2;
    }
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"{e.Message}\n{Usage}");
    return 2;
}
