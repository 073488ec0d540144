using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace KukaPortal.IntegrationTests.Reliability;

/// <summary>
/// A PostgreSQL server of this test class's own (initdb + pg_ctl from the installed PostgreSQL 15), so a test can
/// stop and start it, as a restart or an outage would, without touching the server every other test shares.
/// As root, like scripts/postgres.sh, it runs as the 'postgres' system user (PostgreSQL refuses root).
/// </summary>
public sealed class PrivatePostgres : IAsyncLifetime
{
    private const string Bin = "/usr/lib/postgresql/15/bin";
    private static readonly bool AsRoot = Environment.UserName == "root";

    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"kukaportal-faults-pg-{Guid.NewGuid():N}");
    private int _port;

    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1", Port = _port, Username = "kukaportal", Database = database,
        // Loopback only and gone when the test ends: no password to manage.
    }.ConnectionString;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        if (AsRoot) await RunAsync("chown", "postgres:postgres", _dir);
        await PgAsync("initdb", "-D", _dir, "-U", "kukaportal", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
        _port = FreePort();
        await StartAsync();
    }

    /// <summary>Starts the server (again); returns once it accepts connections.</summary>
    public Task StartAsync() => PgAsync("pg_ctl", "-D", _dir, "-l", Path.Combine(_dir, "server.log"), "-w", "-t", "60", "start",
        "-o", $"-p {_port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={_dir} -c fsync=off");

    /// <summary>A fast shutdown, as a restart does it: open sessions are ended, running transactions roll back.</summary>
    public Task StopAsync() => PgAsync("pg_ctl", "-D", _dir, "-m", "fast", "-w", "-t", "60", "stop");

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try { await PgAsync("pg_ctl", "-D", _dir, "-m", "immediate", "-w", "stop"); } catch (InvalidOperationException) { /* already stopped */ }
        Directory.Delete(_dir, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Task PgAsync(string tool, params string[] args) =>
        AsRoot ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(Bin, tool), .. args]) : RunAsync(Path.Combine(Bin, tool), args);

    private static async Task RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited with {process.ExitCode}: {await error}{await output}");
    }
}
