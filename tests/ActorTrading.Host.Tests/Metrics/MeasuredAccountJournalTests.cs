using System.Diagnostics.Metrics;
using ActorTrading.Actors.Ports;
using ActorTrading.Events.V1;
using ActorTrading.Host.Metrics;

namespace ActorTrading.Host.Tests.Metrics;

/// <summary>The measuring decorator forwards background appends and flushes as such (else the journal could never hold them back).</summary>
public sealed class MeasuredAccountJournalTests
{
    private sealed class Recording : IAccountJournal
    {
        public List<string> Calls { get; } = [];

        public Task AppendAsync(string accountId, long firstSeq, IReadOnlyList<AccountEvent> events, CancellationToken cancellationToken = default)
        {
            Calls.Add($"append {accountId} {firstSeq}");
            return Task.CompletedTask;
        }

        public Task AppendBackgroundAsync(string accountId, long firstSeq, IReadOnlyList<AccountEvent> events, CancellationToken cancellationToken = default)
        {
            Calls.Add($"background {accountId} {firstSeq}");
            return Task.FromException(new JournalUnavailableException("down (test)", new IOException("test")));
        }

        public void FlushBackground() => Calls.Add("flush");

        public IAsyncEnumerable<JournaledEvent> LoadAsync(string accountId, long afterSeq, CancellationToken cancellationToken = default) =>
            AsyncEnumerable.Empty<JournaledEvent>();

        public Task<long> GetLastSeqAsync(string accountId, CancellationToken cancellationToken = default) => Task.FromResult(0L);
    }

    [Fact]
    public async Task AppendBackgroundAsync_Measured_ForwardedAsBackgroundWithItsOutcome()
    {
        using var meter = new Meter("test.measured-journal");
        var inner = new Recording();
        IAccountJournal journal = new MeasuredAccountJournal(inner, meter);

        await journal.AppendAsync("a", 1, [new AccountEvent()]);
        await Assert.ThrowsAsync<JournalUnavailableException>(() => journal.AppendBackgroundAsync("b", 7, [new AccountEvent()]));
        journal.FlushBackground();

        Assert.Equal(["append a 1", "background b 7", "flush"], inner.Calls);
    }
}
