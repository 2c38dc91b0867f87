using ActorTrading.Storage.Postgres;
using ActorTrading.Storage.Tests.Infrastructure;

namespace ActorTrading.Storage.Tests.Postgres;

/// <summary>
/// An account with nothing queued or in flight goes to the least-loaded lane: it never waits behind another account's
/// commit in its hash lane while another lane is idle; an account's own appends still commit in seq order.
/// </summary>
public sealed class AccountRoutingTests : IAsyncLifetime
{
    private readonly PostgresSchema _schema = new();

    public Task InitializeAsync() => _schema.InitializeAsync();

    public Task DisposeAsync() => _schema.DisposeAsync();

    private static int HashLane(string account) => (int)((uint)StringComparer.Ordinal.GetHashCode(account) % 2u);

    [Fact]
    public async Task AppendAsync_HashLaneBusy_GoesToTheIdleLaneAndCommits()
    {
        await using var node = await PostgresStorage.OpenAsync(_schema.Options with { MaxInFlightBatches = 2 });
        const string blocked = "blocked";
        string other = Enumerable.Range(0, 1000).Select(i => $"other-{i}").First(a => HashLane(a) == HashLane(blocked));
        await node.Journal.AppendAsync(blocked, 1, [TestEvents.Halted()]).WaitAsync(TimeSpan.FromSeconds(60));

        await using var holder = await node.DataSource.OpenConnectionAsync();
        await using var tx = await holder.BeginTransactionAsync();
        await using (var lockHead = new Npgsql.NpgsqlCommand("SELECT last_seq FROM account_heads WHERE account_id = 'blocked' FOR UPDATE", holder, tx))
            await lockHead.ExecuteScalarAsync();
        var held = node.Journal.AppendAsync(blocked, 2, [TestEvents.Halted()]);   // its lane's batch waits on the row lock

        await node.Journal.AppendAsync(other, 1, [TestEvents.Halted()]).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.False(held.IsCompleted);
        await tx.RollbackAsync();
        await held.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(2, await node.Journal.GetLastSeqAsync(blocked));
        Assert.Equal(1, await node.Journal.GetLastSeqAsync(other));
    }
}
