using System.Diagnostics;
using System.Text;

namespace ActorTrading.Grpc.Interop.Tests.Processes;

/// <summary>
/// A server started as a real process that prints <c>listening on 127.0.0.1:PORT</c> when ready. Start waits for
/// that line (no sleeps); Dispose kills the process tree.
/// </summary>
internal sealed class ServerProcess : IDisposable
{
    private const string ReadyPrefix = "listening on ";
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<int> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServerProcess(string fileName, IEnumerable<string> arguments, string workingDirectory)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        _process = new Process { StartInfo = info, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => OnLine(e.Data);
        _process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        _process.Exited += (_, _) => _ready.TrySetException(new InvalidOperationException($"{fileName} exited before it was ready:\n{Output}"));
    }

    public int Port { get; private set; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<ServerProcess> StartAsync(string fileName, IEnumerable<string> arguments, string workingDirectory)
    {
        var server = new ServerProcess(fileName, arguments, workingDirectory);
        try
        {
            server._process.Start();
            server._process.BeginOutputReadLine();
            server._process.BeginErrorReadLine();
            server.Port = await server._ready.Task.WaitAsync(TimeSpan.FromSeconds(60));
            return server;
        }
        catch (TimeoutException)
        {
            server.Dispose();
            throw new InvalidOperationException($"{fileName} did not print '{ReadyPrefix}...' within 60 s:\n{server.Output}");
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // never started, or already gone
        }

        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        var at = line.IndexOf(ReadyPrefix, StringComparison.Ordinal);
        if (at >= 0 && int.TryParse(line[(line.LastIndexOf(':') + 1)..], out var port))
        {
            _ready.TrySetResult(port);
        }
    }
}
