namespace ActorTrading.Storage.Tests.Contracts;

/// <summary>What every IBrokerCredentialStore must do.</summary>
public abstract class BrokerCredentialStoreContract : StorageContract
{
    [Fact]
    public async Task SaveAsync_ThenLoad_ReturnsLatest()
    {
        var g = "gw-" + Guid.NewGuid().ToString("N")[..8];
        await Store.Credentials.SaveAsync(g, """{"api_key":"k1"}""");
        await Store.Credentials.SaveAsync(g, """{"api_key":"k2"}""");

        Assert.Equal("""{"api_key":"k2"}""", await Store.Credentials.LoadAsync(g));
        Assert.Null(await Store.Credentials.LoadAsync(g + "-other"));
    }
}
