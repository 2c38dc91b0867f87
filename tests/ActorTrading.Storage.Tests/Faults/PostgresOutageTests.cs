using ActorTrading.Actors.Ports;
using ActorTrading.Storage.Postgres;
using ActorTrading.Storage.Tests.Infrastructure;

namespace ActorTrading.Storage.Tests.Faults;

[Collection(FaultCollection.Name)]
public sealed class PostgresOutageTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task AppendAsync_PostgresStoppedDuringBurst_RefusedUnavailableNothingAckedLostAndResumesByItself()
    {
        await using var server = await PrivatePostgres.StartAsync();
        await using var schema = new AsyncDisposer(await PostgresSchema.CreateAsync(server.ConnectionString));
        var journal = schema.Schema.Storage.Journal;
        var accounts = Enumerable.Range(0, 20).Select(i => $"acct-{i}").ToArray();
        var acked = new long[accounts.Length];
        var refusals = new List<Exception>[accounts.Length];
        long totalAcked = 0;
        var enoughAcked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        async Task Writer(int i)
        {
            refusals[i] = new List<Exception>();
            for (long seq = 1; ; seq++)
            {
                try
                {
                    await journal.AppendAsync(accounts[i], seq, [TestEvents.Cash(seq, seq)]);
                    acked[i] = seq;
                    if (Interlocked.Increment(ref totalAcked) == 200) enoughAcked.TrySetResult();
                }
                catch (Exception ex)
                {
                    refusals[i].Add(ex);
                    return;   // an account that was refused stops, as the account actor would
                }
            }
        }

        var writers = Enumerable.Range(0, accounts.Length).Select(Writer).ToArray();
        await enoughAcked.Task.WaitAsync(Guard);
        try
        {
            await server.StopAsync();
            await Task.WhenAll(writers).WaitAsync(Guard);   // every writer gets refused: nothing hangs

            Assert.All(refusals, r => Assert.IsType<JournalUnavailableException>(Assert.Single(r)));
            var refusedWhileDown = await Assert.ThrowsAsync<JournalUnavailableException>(() => journal.AppendAsync(accounts[0], acked[0] + 1, [TestEvents.Halted()]));
            Assert.Contains("nothing was written", refusedWhileDown.Message);
        }
        finally
        {
            await server.StartAgainAsync();
        }

        for (int i = 0; i < accounts.Length; i++)
        {
            var loaded = new List<JournaledEvent>();
            await foreach (var e in journal.LoadAsync(accounts[i], 0)) loaded.Add(e);
            // everything acknowledged is there; at most the one in-flight append whose commit raced the shutdown is too
            Assert.InRange(loaded.Count, acked[i], acked[i] + 1);
            Assert.Equal(Enumerable.Range(1, loaded.Count).Select(s => (long)s), loaded.Select(e => e.Seq));
            var next = loaded.Count + 1;
            await journal.AppendAsync(accounts[i], next, [TestEvents.Halted()]).WaitAsync(Guard);   // resumed by itself
        }
    }

    [Fact]
    public async Task OpenAsync_ServerUnreachable_ClearErrorNamingHostAndPort()
    {
        int port = ProcessRunner.FreePort();
        var ex = await Assert.ThrowsAsync<StorageUnavailableException>(() =>
            PostgresStorage.OpenAsync(new PostgresStorageOptions($"Host=127.0.0.1;Port={port};Username=x;Database=y;Timeout=5")));
        Assert.Contains($"127.0.0.1:{port}", ex.Message);
        Assert.Contains("ConnectionStrings__Postgres", ex.Message);
    }

    private sealed class AsyncDisposer(PostgresSchema schema) : IAsyncDisposable
    {
        public PostgresSchema Schema { get; } = schema;

        public async ValueTask DisposeAsync() => await Schema.DisposeAsync();
    }
}
