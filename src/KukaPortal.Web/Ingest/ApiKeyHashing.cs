using System.Security.Cryptography;
using System.Text;

namespace KukaPortal.Web.Ingest;

/// <summary>Makes API keys (256 random bits) and the SHA-256 under which they are stored. Keys are random, so no salt or slow hash is needed.</summary>
public static class ApiKeyHashing
{
    public const string Prefix = "kpk_";

    public static string NewKey() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
