using System.Text.Json;

namespace KukaPortal.Web.Tests.Security;

/// <summary>
/// The committed appsettings.json holds no secret: passwords, keys and connection strings come from the environment
/// (./run.sh generates them per machine), so a clone of the repository never carries a working credential.
/// </summary>
public class CommittedConfigurationTests
{
    private static readonly string[] SecretWords = ["password", "secret", "apikey", "token", "connectionstrings"];

    [Fact]
    public void No_setting_that_names_a_secret_has_a_value()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot(), "appsettings.json")));

        var filled = Leaves(json.RootElement, "")
            .Where(l => SecretWords.Any(w => l.Path.Replace(":", "").Contains(w, StringComparison.OrdinalIgnoreCase)))
            .Where(l => l.Value.Length > 0)
            .Select(l => l.Path)
            .ToList();

        filled.ShouldBeEmpty("settings that hold a secret in the committed file");
    }

    private static IEnumerable<(string Path, string Value)> Leaves(JsonElement element, string path) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Leaves(p.Value, path.Length == 0 ? p.Name : $"{path}:{p.Name}")),
        JsonValueKind.Array => element.EnumerateArray().SelectMany((e, i) => Leaves(e, $"{path}:{i}")),
        JsonValueKind.String => [(path, element.GetString()!)],
        _ => [(path, element.GetRawText())],
    };

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "KukaPortal.sln"))) return folder.FullName;
        throw new InvalidOperationException("No KukaPortal.sln above the test's folder.");
    }
}
