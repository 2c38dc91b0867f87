namespace ActorTrading.Host.Tests.EndToEnd;

/// <summary>docker-compose.yml: PostgreSQL, Redis and three nodes built by src/Host/Dockerfile, consistent with it and the README.</summary>
public sealed class ComposeFileTests
{
    private static readonly string Root = NodeProcess.RepoRoot;

    private static Dictionary<string, object> Map(object o) => Assert.IsType<Dictionary<string, object>>(o);

    [Fact]
    public void Compose_Services_ArePostgresRedisAndThreeNodes()
    {
        var compose = SimpleYaml.Parse(File.ReadAllText(Path.Combine(Root, "docker-compose.yml")));
        var services = Map(compose["services"]);
        Assert.Equal(["node1", "node2", "node3", "postgres", "redis"], services.Keys.Order(StringComparer.Ordinal));
        Assert.StartsWith("postgres:", (string)Map(services["postgres"])["image"], StringComparison.Ordinal);
        Assert.StartsWith("redis:", (string)Map(services["redis"])["image"], StringComparison.Ordinal);
        var dockerfile = File.ReadAllText(Path.Combine(Root, "src", "Host", "Dockerfile"));
        var ids = new HashSet<string>();
        var published = new HashSet<string>();
        foreach (var name in new[] { "node1", "node2", "node3" })
        {
            var node = Map(services[name]);
            var build = Map(node["build"]);
            Assert.Equal("src/Host/Dockerfile", build["dockerfile"]);
            Assert.True(File.Exists(Path.Combine(Root, (string)build["context"], (string)build["dockerfile"])));
            var env = Map(node["environment"]);
            Assert.True(ids.Add((string)env["Node__NodeId"]), "node ids must differ");
            Assert.Contains("Host=postgres", (string)env["ConnectionStrings__Postgres"], StringComparison.Ordinal);
            Assert.StartsWith("redis:6379", (string)env["ConnectionStrings__Redis"], StringComparison.Ordinal);
            Assert.Contains("ACTORTRADING_ADMIN_KEY", env.Keys);
            var ports = Assert.IsType<List<object>>(node["ports"]).Cast<string>().ToList();
            Assert.Equal(["5000", "5001"], ports.Select(p => p.Split(':')[1]));
            Assert.All(ports, p => Assert.True(published.Add(p.Split(':')[0]), "published ports must differ"));
            Assert.Equal(["postgres", "redis"], Map(node["depends_on"]).Keys.Order(StringComparer.Ordinal));
        }
        Assert.Contains("\"--urls\", \"http://0.0.0.0:5000\", \"--http-urls\", \"http://0.0.0.0:5001\"", dockerfile, StringComparison.Ordinal);
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        Assert.Contains("docker compose up", readme, StringComparison.Ordinal);
        Assert.All(published, p => Assert.Contains(p, readme, StringComparison.Ordinal));
    }

    [Fact]
    public void Compose_Postgres_RunsWithTheJournalSettingsOfTheTestServers()
    {
        var compose = SimpleYaml.Parse(File.ReadAllText(Path.Combine(Root, "docker-compose.yml")));
        var command = Assert.IsType<List<object>>(Map(Map(compose["services"])["postgres"])["command"]).Cast<string>().ToList();
        var services = File.ReadAllLines(Path.Combine(Root, "scripts", "lib", "services.sh"));
        foreach (var name in new[] { "max_connections", "shared_buffers", "max_wal_size", "min_wal_size", "checkpoint_timeout",
                     "checkpoint_completion_target", "wal_buffers", "synchronous_commit", "fsync" })
        {
            var line = Assert.Single(services, l => l.StartsWith(name + " = ", StringComparison.Ordinal));
            var value = line[(name.Length + 3)..].Trim();
            Assert.True(command.Contains($"{name}={value}") || (value == "on" && !command.Any(c => c.StartsWith(name + "=", StringComparison.Ordinal))),
                $"docker-compose.yml's postgres command should carry {name}={value} like scripts/lib/services.sh");
        }
    }

    /// <summary>Runs the compose client (the plugin <c>docker compose</c> or the standalone <c>docker-compose</c>, which
    /// scripts/test.sh installs) on docker-compose.yml in the repository root.</summary>
    private static Task<(int ExitCode, string Output)> ComposeAsync(string adminKey, params string[] args) =>
        ToolRunner.RunAsync("bash", ["-c", """
            if docker compose version >/dev/null 2>&1; then exec docker compose "$@"
            elif command -v docker-compose >/dev/null 2>&1; then exec docker-compose "$@"
            else echo "no compose client: scripts/test.sh installs docker-compose (apt)"; exit 127; fi
            """, "compose", .. args], environment: new Dictionary<string, string> { ["ACTORTRADING_ADMIN_KEY"] = adminKey });

    [Fact]
    public async Task ComposeConfig_WithAdminKey_IsValidAndNamesTheFiveServices()
    {
        var (code, output) = await ComposeAsync("a-long-secret", "config", "--services");
        Assert.True(code == 0, output);
        Assert.Equal(["node1", "node2", "node3", "postgres", "redis"],
            output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ComposeConfig_WithoutAdminKey_IsRefusedNamingIt()
    {
        var (code, output) = await ComposeAsync("", "config", "-q");
        Assert.NotEqual(0, code);
        Assert.NotEqual(127, code);
        Assert.Contains("ACTORTRADING_ADMIN_KEY", output, StringComparison.Ordinal);
    }

    [Fact]
    public void SimpleYaml_NestedMapsAndLists_AreRead()
    {
        var y = SimpleYaml.Parse("a:\n  b: 1\n  c:\n    - \"x:y\"\n    - z\n# note\nd: ''\n");
        Assert.Equal("1", Map(y["a"])["b"]);
        Assert.Equal(["x:y", "z"], Assert.IsType<List<object>>(Map(y["a"])["c"]));
        Assert.Equal("", y["d"]);
        Assert.Throws<FormatException>(() => SimpleYaml.Parse("a: 1\n   b: 2\n"));
    }
}
