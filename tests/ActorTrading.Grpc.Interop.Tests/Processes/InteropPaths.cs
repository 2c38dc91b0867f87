using System.Reflection;

namespace ActorTrading.Grpc.Interop.Tests.Processes;

/// <summary>Where the interop programs are, and a clear failure when a prerequisite is missing.</summary>
internal static class InteropPaths
{
    public const string Python = "/usr/bin/python3";

    public static string RepositoryRoot { get; } = Metadata("RepositoryRoot");

    /// <summary>The built interop server (ProjectReference builds it, in the same configuration).</summary>
    public static string ServerDll { get; } = Metadata("InteropServerDll");

    /// <summary>The FileDescriptorSet the Python client builds its messages from (written next to the dll).</summary>
    public static string Protoset => Path.Combine(Path.GetDirectoryName(ServerDll)!, "interop.protoset");

    public static string NodeDirectory => Path.Combine(RepositoryRoot, "tests", "node");

    public static string PythonClient => Path.Combine(RepositoryRoot, "tests", "python", "interop_client.py");

    public static void RequireServerDll()
    {
        if (!File.Exists(ServerDll) || !File.Exists(Protoset))
        {
            throw new InvalidOperationException($"{ServerDll} (and interop.protoset next to it) not found: build tests/ActorTrading.Grpc.Interop in the same configuration.");
        }
    }

    public static void RequireNodeModules()
    {
        if (!Directory.Exists(Path.Combine(NodeDirectory, "node_modules", "@grpc", "grpc-js")))
        {
            throw new InvalidOperationException(
                $"{NodeDirectory}/node_modules is missing: run scripts/test.sh (it runs `npm ci` in tests/node), or `cd tests/node && npm ci`.");
        }
    }

    /// <summary>Checks once per test run that /usr/bin/python3 has grpcio and protobuf.</summary>
    public static Task RequirePythonGrpcAsync() => PythonCheck.Value;

    private static readonly Lazy<Task> PythonCheck = new(CheckPythonGrpcAsync);

    private static async Task CheckPythonGrpcAsync()
    {
        if (!File.Exists(Python))
        {
            throw new InvalidOperationException($"{Python} not found: run scripts/test.sh (it installs python3-grpcio and python3-protobuf).");
        }

        var check = await ProcessRunner.RunAsync(Python, ["-c", "import grpc, google.protobuf"], RepositoryRoot, TimeSpan.FromSeconds(60));
        if (check.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{Python} cannot import grpc/google.protobuf: run scripts/test.sh (it installs python3-grpcio and python3-protobuf).\n{check.Output}");
        }
    }

    private static string Metadata(string key) =>
        typeof(InteropPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
