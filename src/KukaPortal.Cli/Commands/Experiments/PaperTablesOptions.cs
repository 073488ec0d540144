using System.CommandLine;
using KukaPortal.Cli.Commands.Training;
using KukaPortal.Ml.Models;
using KukaPortal.Ml.Runtime;

namespace KukaPortal.Cli.Commands.Experiments;

/// <summary>The options of <c>experiment paper-tables</c>; the grid defaults are paper 000's, and each can be cut down to run small.</summary>
internal sealed class PaperTablesOptions
{
    public Option<FileInfo> Normal { get; } = new("--normal") { Description = "The normal recording (paper 000: KukaNormal).", Required = true };
    public Option<FileInfo> Abnormal { get; } = new("--abnormal") { Description = "The abnormal recording (paper 000: KukaSlow); its row labels are used when it has them.", Required = true };
    public Option<FileInfo?> ChannelNames { get; } = new("--channel-names") { Description = "Names file of .npy recordings (paper 000: KukaColumnNames.npy); without it the channels are ch0…chN." };
    public Option<DirectoryInfo> Out { get; } = new("--out") { Description = "Folder for paper-tables.md and paper-tables.json (created if missing).", Required = true };
    public Option<string> Models { get; } = new("--models") { Description = "Families to run, comma-separated; adversarial ones get Table II's grid, the others Table I's.", DefaultValueFactory = _ => "conv-ae,aae" };
    public Option<string> Windows { get; } = new("--windows") { Description = "Table I's window sizes W.", DefaultValueFactory = _ => "30,50,70,100" };
    public Option<string> Latents { get; } = new("--latents") { Description = "Table I's latent sizes L.", DefaultValueFactory = _ => "30,50,70" };
    public Option<string> AdversarialWindows { get; } = new("--aae-windows") { Description = "Table II's window sizes W.", DefaultValueFactory = _ => "30,100" };
    public Option<string> AdversarialLatents { get; } = new("--aae-latents") { Description = "Table II's latent sizes L.", DefaultValueFactory = _ => "30" };
    public Option<string> Lambdas { get; } = new("--lambdas") { Description = "Table II's feature-matching weights λ.", DefaultValueFactory = _ => "1e-4,1e-3,1e-2,1e-1" };
    public Option<int?> Iterations { get; } = new("--iterations") { Description = "Adam steps per cell (default: the papers', 5000; 7000 for aae)." };
    public Option<int?> Width { get; } = new("--width") { Description = "Filters of the first convolution (default 16)." };
    public Option<bool> NoStrict { get; } = new("--no-strict") { Description = "Skip the strict variant (one extra training per family)." };
    public Option<int> Seed { get; } = new("--seed") { Description = "Random seed of every cell.", DefaultValueFactory = _ => 0 };
    public Option<TorchDeviceOption> Device { get; } = TorchOptions.Device();
    public ReadOptionsArguments Read { get; } = new();

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Normal, Abnormal, ChannelNames, Out, Models, Windows, Latents, AdversarialWindows, AdversarialLatents, Lambdas, Iterations, Width, NoStrict, Seed, Device })
            command.Options.Add(option);
        Read.AddTo(command);
    }

    public PaperGrid Grid(ParseResult result) => new(
        ModelFamilyOption.ParseList(result.GetValue(Models)),
        NumberList.Integers(result.GetValue(Windows)!, "--windows"),
        NumberList.Integers(result.GetValue(Latents)!, "--latents"),
        NumberList.Integers(result.GetValue(AdversarialWindows)!, "--aae-windows"),
        NumberList.Integers(result.GetValue(AdversarialLatents)!, "--aae-latents"),
        NumberList.Doubles(result.GetValue(Lambdas)!, "--lambdas"));

    public PaperRunOptions RunOptions(ParseResult result) => new(result.GetValue(Iterations), result.GetValue(Width), result.GetValue(Seed));
}
