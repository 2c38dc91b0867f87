using ActorTrading.Grpc.Interop.Client;
using ActorTrading.Grpc.Interop.Server;

namespace ActorTrading.Grpc.Interop;

/// <summary>
/// <c>--port N</c> serves; <c>client --host H --port N --test_case X [--server_checks_compression false]</c> runs cases
/// (X: a name, a comma-separated list, or <c>all</c>) and prints one PASS/FAIL line per case; exit code 0 only if all passed.
/// </summary>
public static class InteropCommandLine
{
    public static async Task<int> RunAsync(string[] args)
    {
        try
        {
            var client = args.Length > 0 && args[0] == "client";
            var options = Parse(client ? args[1..] : args);
            if (!client)
            {
                using var stop = new CancellationTokenSource();
                Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
                return await InteropServer.RunAsync(int.Parse(Required(options, "port"), System.Globalization.CultureInfo.InvariantCulture), stop.Token).ConfigureAwait(false);
            }

            var peer = new InteropPeer(
                options.GetValueOrDefault("host", "127.0.0.1"),
                int.Parse(Required(options, "port"), System.Globalization.CultureInfo.InvariantCulture),
                ChecksCompression: options.GetValueOrDefault("server_checks_compression", "true") != "false");
            var names = options.GetValueOrDefault("test_case", "all");
            var cases = names == "all" ? InteropCases.All : names.Split(',');
            return await InteropCases.RunAndPrintAsync(peer, cases, Console.Out).ConfigureAwait(false);
        }
        catch (FormatException ex)
        {
            await Console.Error.WriteLineAsync($"{ex.Message}\nusage: --port N | client --host H --port N --test_case name|a,b|all [--server_checks_compression false]").ConfigureAwait(false);
            return 2;
        }
    }

    private static Dictionary<string, string> Parse(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new FormatException($"unexpected argument '{args[i]}'");
            }

            var eq = args[i].IndexOf('=', StringComparison.Ordinal);
            var key = (eq > 0 ? args[i][2..eq] : args[i][2..]).Replace("server_host", "host", StringComparison.Ordinal).Replace("server_port", "port", StringComparison.Ordinal);
            if (eq < 0 && i + 1 >= args.Length)
            {
                throw new FormatException($"{args[i]} needs a value");
            }

            options[key] = eq > 0 ? args[i][(eq + 1)..] : args[++i];
        }

        return options;
    }

    private static string Required(Dictionary<string, string> options, string key) =>
        options.TryGetValue(key, out var value) ? value : throw new FormatException($"--{key} is required");
}
