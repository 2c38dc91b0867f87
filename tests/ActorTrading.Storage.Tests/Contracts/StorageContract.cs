namespace ActorTrading.Storage.Tests.Contracts;

/// <summary>Base of every contract suite: creates the implementation per test class instance and disposes it.</summary>
public abstract class StorageContract : IAsyncLifetime
{
    protected StorageUnderTest Store { get; private set; } = null!;

    protected abstract Task<StorageUnderTest> CreateAsync();

    public async Task InitializeAsync() => Store = await CreateAsync();

    public Task DisposeAsync() => Store?.DisposeAsync() ?? Task.CompletedTask;

    protected static string NewAccount() => "acct-" + Guid.NewGuid().ToString("N")[..12];
}
