using ActorTrading.Host.Composition;
using ActorTrading.Host.Configuration;

namespace ActorTrading.Host.Tests.Configuration;

public sealed class NodeOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_HasNoProblems() => Assert.Empty(NodeOptionsValidator.Validate(new NodeOptions { NodeId = "n1" }, null, null));

    [Theory]
    [InlineData("--node-id", "bad id!", "Node:NodeId")]
    [InlineData("--feed", "carrier-pigeon", "Node:Feed:Kind")]
    [InlineData("--broker", "mystery", "Node:Broker:Kind")]
    [InlineData("--feed-symbols", "NSE:NOPE", "Node:Feed:Symbols")]
    [InlineData("--http-urls", "ftp://x:1", "Node:HttpUrls")]
    [InlineData("--urls", "nonsense", "--urls")]
    [InlineData("--risk-per-trade", "300", "Node:Risk:RiskPerTradePercent")]
    [InlineData("--Node:JournalBatchesInFlight", "0", "Node:JournalBatchesInFlight")]
    public async Task BuildAsync_BadSetting_ThrowsNamingTheKey(string option, string value, string key)
    {
        var e = await Assert.ThrowsAsync<NodeConfigurationException>(() => NodeApplication.BuildAsync([option, value]));
        Assert.Contains(e.Problems, p => p.Contains(key, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_CsvFeedWithoutFile_NamesTheFile()
    {
        var o = new NodeOptions { NodeId = "n1", Feed = { Kind = "csv", File = "/no/such.csv" } };
        Assert.Contains(NodeOptionsValidator.Validate(o, null, null), p => p.Contains("Node:Feed:File", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_RedisWithoutPostgres_IsRefused() =>
        Assert.Contains(NodeOptionsValidator.Validate(new NodeOptions { NodeId = "n1" }, null, "127.0.0.1:6379"),
            p => p.Contains("ConnectionStrings:Postgres", StringComparison.Ordinal));

    [Fact]
    public void Validate_OpenAlgoWithoutUrl_IsRefused() =>
        Assert.Contains(NodeOptionsValidator.Validate(new NodeOptions { NodeId = "n1", Broker = { Kind = "openalgo" } }, null, null),
            p => p.Contains("Node:Broker:Url", StringComparison.Ordinal));

    [Theory]
    [InlineData("http://127.0.0.1:5000", "127.0.0.1", 5000)]
    [InlineData("http://*:0", "0.0.0.0", 0)]
    [InlineData("http://localhost:8080", "localhost", 8080)]
    public void ListenAddress_Url_IsParsed(string url, string host, int port)
    {
        Assert.True(ListenAddress.TryParse(url, out var a));
        Assert.Equal((host, port), (a.Host, a.Port));
    }
}
