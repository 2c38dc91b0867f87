using ActorTrading.Host.Configuration;

namespace ActorTrading.Host.Tests.Configuration;

public sealed class ClusterOptionsValidationTests
{
    private static NodeOptions Clustered(string advertise = "127.0.0.1:6000", string adminKey = "k") =>
        new() { NodeId = "n1", AdminKey = adminKey, Cluster = new ClusterOptions { Advertise = advertise } };

    [Fact]
    public void Validate_ClusterWithEverything_HasNoProblems() =>
        Assert.Empty(NodeOptionsValidator.Validate(Clustered(), "Host=pg", "127.0.0.1:6379"));

    [Fact]
    public void Validate_ClusterWithoutRedisOrPostgres_NamesBoth()
    {
        var problems = NodeOptionsValidator.Validate(Clustered(), null, null);
        Assert.Contains(problems, p => p.Contains("ConnectionStrings:Redis", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("ConnectionStrings:Postgres", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("node2")]
    [InlineData("http://node2:5000")]
    [InlineData("node2:99999")]
    public void Validate_AdvertiseNotHostPort_NamesTheSetting(string advertise) =>
        Assert.Contains(NodeOptionsValidator.Validate(Clustered(advertise), "Host=pg", "r:6379"),
            p => p.Contains("Node:Cluster:Advertise", StringComparison.Ordinal));

    [Fact]
    public void Validate_ClusterWithoutAdminKey_IsRefused() =>
        Assert.Contains(NodeOptionsValidator.Validate(Clustered(adminKey: ""), "Host=pg", "r:6379"),
            p => p.Contains("Node:AdminKey", StringComparison.Ordinal));

    [Fact]
    public void Validate_ClusterWithSecretAndNoAdminKey_HasNoProblems()
    {
        var o = Clustered(adminKey: "");
        o.Cluster.Secret = "a-cluster-secret-of-32-characters";
        Assert.Empty(NodeOptionsValidator.Validate(o, "Host=pg", "r:6379"));
    }

    [Fact]
    public void Validate_ShortClusterSecret_IsRefused()
    {
        var o = Clustered();
        o.Cluster.Secret = "short";
        Assert.Contains(NodeOptionsValidator.Validate(o, "Host=pg", "r:6379"), p => p.Contains("Node:Cluster:Secret", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_HeartbeatLongerThanHalfTheTtl_IsRefused()
    {
        var o = Clustered();
        o.Cluster.HeartbeatInterval = TimeSpan.FromSeconds(4);
        Assert.Contains(NodeOptionsValidator.Validate(o, "Host=pg", "r:6379"), p => p.Contains("HeartbeatInterval", StringComparison.Ordinal));
    }
}
