using System.Text.RegularExpressions;

namespace ActorTrading.Host.Tests.EndToEnd;

/// <summary>The README's client examples (C#, python, buf curl) are run against a real node, so they stay true.</summary>
public sealed partial class ReadmeExamplesTests(EmbeddedNodeFixture fixture) : IClassFixture<EmbeddedNodeFixture>
{
    private const string ReadmeAddress = "http://127.0.0.1:5000";
    private static readonly string Readme = File.ReadAllText(Path.Combine(NodeProcess.RepoRoot, "README.md"));

    private static IReadOnlyList<string> Blocks(string language) =>
        [.. Fence().Matches(Readme).Where(m => m.Groups[1].Value == language).Select(m => m.Groups[2].Value)];

    [Fact]
    public async Task CSharpExample_IsInTheReadmeAndRuns()
    {
        var source = File.ReadAllText(Path.Combine(NodeProcess.RepoRoot, "tests", "ActorTrading.Host.Tests", "EndToEnd", "ReadmeCSharpExample.cs"));
        var body = source[(source.IndexOf("// README:begin\n", StringComparison.Ordinal) + 16)..source.IndexOf("        // README:end", StringComparison.Ordinal)];
        var unindented = string.Join('\n', body.TrimEnd().Split('\n').Select(l => l.Length >= 8 ? l[8..] : l.TrimStart()));
        Assert.Contains(Blocks("csharp"), b => b.Contains(unindented, StringComparison.Ordinal));
        Assert.Equal("demo-cs", await ReadmeCSharpExample.RunAsync(fixture.Node.GrpcUrl, NodeProcess.AdminKey));
    }

    [Fact]
    public async Task PythonExample_Runs()
    {
        var script = Assert.Single(Blocks("python")).Replace("127.0.0.1:5000", fixture.Node.GrpcTarget, StringComparison.Ordinal);
        var file = Path.Combine(Path.GetTempPath(), $"readme-{Guid.NewGuid():N}.py");
        await File.WriteAllTextAsync(file, script);
        try
        {
            var protoset = Path.Combine(Path.GetDirectoryName(NodeProcess.HostDll)!, "actortrading.protoset");
            var (code, output) = await ToolRunner.RunAsync("/usr/bin/python3", [file], environment: new Dictionary<string, string>
            {
                ["ACTORTRADING_KEY"] = NodeProcess.AdminKey, ["ACTORTRADING_PROTOSET"] = protoset,
            });
            Assert.True(code == 0, output);
            Assert.Contains("NSE:RELIANCE", output, StringComparison.Ordinal);
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public async Task BufCurlExamples_Run()
    {
        var commands = Blocks("sh").SelectMany(b => b.Split('\n')).Where(l => l.StartsWith("npx buf curl", StringComparison.Ordinal)).ToList();
        Assert.True(commands.Count >= 3, "the README shows buf curl for reflection, health and an authenticated call");
        foreach (var command in commands)
        {
            var line = command.Replace(ReadmeAddress, fixture.Node.GrpcUrl, StringComparison.Ordinal);
            var (code, output) = await ToolRunner.RunAsync("bash", ["-c", line], Path.Combine(NodeProcess.RepoRoot, "tests", "node"),
                new Dictionary<string, string> { ["ACTORTRADING_KEY"] = NodeProcess.AdminKey });
            Assert.True(code == 0, $"{line}\n{output}");
            var expected = line.Contains("--list-services", StringComparison.Ordinal) ? "grpc.health.v1.Health"
                : line.Contains("Health/Check", StringComparison.Ordinal) ? "SERVING" : "NSE:";
            Assert.True(output.Contains(expected, StringComparison.Ordinal), $"{line}\nexpected '{expected}' in:\n{output}");
        }
    }

    [GeneratedRegex(@"```(\w+)\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex Fence();
}
