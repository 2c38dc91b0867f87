using System.Diagnostics;

namespace ActorTrading.Storage.Tests.Infrastructure;

/// <summary>Runs a command (as ACTORTRADING_TEST_PG_RUNAS through su when set) and fails loudly with its output.</summary>
public static class ProcessRunner
{
    public static async Task RunAsync(string command, string? runAs = null)
    {
        var psi = string.IsNullOrEmpty(runAs)
            ? new ProcessStartInfo("/bin/sh", ["-c", command])
            : new ProcessStartInfo("su", ["-s", "/bin/sh", runAs, "-c", command]);
        psi.RedirectStandardOutput = psi.RedirectStandardError = true;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(120));
        if (p.ExitCode != 0)
            throw new InvalidOperationException($"`{command}` exited with {p.ExitCode}: {await stdout} {await stderr}");
    }

    public static int FreePort()
    {
        var l = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        l.Start();
        int port = ((System.Net.IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }
}
