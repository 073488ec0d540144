using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace KukaPortal.IntegrationTests.Reliability;

/// <summary>
/// A redis-server of one test's own (the shared one of KUKAPORTAL_TEST_REDIS must stay up for the others), on a fixed
/// loopback port so that it can be stopped and started again where the portal nodes expect it. Nothing is persisted:
/// a restarted Redis is empty, as after a real crash.
/// </summary>
public sealed class PrivateRedis : IDisposable
{
    private Process? _server;

    public int Port { get; } = FreePort();

    public string ConnectionString => $"127.0.0.1:{Port}";

    public async Task StartAsync()
    {
        _server = Process.Start(new ProcessStartInfo("redis-server",
            ["--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"])
        {
            RedirectStandardOutput = true, // its log would otherwise mix into the test output
            UseShellExecute = false,
        })!;
        _server.OutputDataReceived += (_, _) => { };
        _server.BeginOutputReadLine();
        await Eventually.WaitUntilAsync(AcceptsConnections, TimeSpan.FromSeconds(10), $"redis-server to listen on {Port}");
    }

    /// <summary>Kills the server the way a crash would (no shutdown handshake) and waits until it is gone.</summary>
    public void Stop()
    {
        if (_server is not { HasExited: false } server) return;
        server.Kill();
        server.WaitForExit();
    }

    private bool AcceptsConnections()
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        Stop();
        _server?.Dispose();
    }
}
