using ActorTrading.Api.V1;
using ActorTrading.Host.Streaming;

namespace ActorTrading.Host.Tests.Streaming;

public sealed class BufferTests
{
    private static Tick T(string symbol, long seq) => new() { Symbol = symbol, Sequence = seq };

    [Fact]
    public async Task DroppingBuffer_SlowReader_KeepsTheNewestAndCountsTheDropped()
    {
        var dropped = 0;
        var buffer = new DroppingBuffer<Tick>(4, () => dropped++);
        for (var i = 1; i <= 100; i++) buffer.Offer(T("NSE:TCS", i));
        buffer.Fail(new EndOfStreamException());
        var read = new List<long>();
        await Assert.ThrowsAsync<EndOfStreamException>(async () =>
        {
            await foreach (var t in buffer.ReadAllAsync(CancellationToken.None)) read.Add(t.Sequence);
        });
        Assert.Equal([97L, 98, 99, 100], read);
        Assert.Equal(96, buffer.Dropped);
        Assert.Equal(96, dropped);
    }

    [Fact]
    public async Task ConflatingBuffer_SlowReader_GetsTheLatestPerKeyInFirstPendingOrder()
    {
        var buffer = new ConflatingBuffer<Tick>(t => t.Symbol);
        for (var i = 1; i <= 50; i++)
        {
            buffer.Offer(T("NSE:TCS", i));
            buffer.Offer(T("NSE:INFY", 1000 + i));
        }
        buffer.Fail(new EndOfStreamException());
        var read = new List<Tick>();
        await Assert.ThrowsAsync<EndOfStreamException>(async () =>
        {
            await foreach (var t in buffer.ReadAllAsync(CancellationToken.None)) read.Add(t);
        });
        Assert.Equal(["NSE:TCS", "NSE:INFY"], read.Select(t => t.Symbol));
        Assert.Equal([50L, 1050], read.Select(t => t.Sequence));
        Assert.Equal(98, buffer.Conflated);
    }

    [Fact]
    public async Task ConflatingBuffer_ReaderWaiting_WakesOnOffer()
    {
        var buffer = new ConflatingBuffer<Tick>(t => t.Symbol);
        await using var reader = buffer.ReadAllAsync(CancellationToken.None).GetAsyncEnumerator();
        var next = reader.MoveNextAsync().AsTask();
        Assert.False(next.IsCompleted);
        buffer.Offer(T("NSE:TCS", 7));
        Assert.True(await next.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(7, reader.Current.Sequence);
    }

    [Fact]
    public async Task ConflatingBuffer_Cancelled_StopsWaiting()
    {
        var buffer = new ConflatingBuffer<Tick>(t => t.Symbol);
        using var cts = new CancellationTokenSource();
        await using var reader = buffer.ReadAllAsync(cts.Token).GetAsyncEnumerator();
        var next = reader.MoveNextAsync().AsTask();
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => next.WaitAsync(TimeSpan.FromSeconds(30)));
    }
}
