namespace KukaPortal.Cli.Tests;

/// <summary>A fresh folder under the system temp folder, removed with everything in it when the test ends.</summary>
internal sealed class TempFolder : IDisposable
{
    public DirectoryInfo Directory { get; } = System.IO.Directory.CreateTempSubdirectory("kukaportal-cli-tests-");

    public string Path => Directory.FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(recursive: true);
}
