using ProtoDecimal = ActorTrading.Actors.Model.ProtoDecimal;
using ActorTrading.Actors.Ports;
using ActorTrading.Api.V1;

namespace ActorTrading.Storage.Tests.Contracts;

/// <summary>What every <see cref="IQuoteCache"/> must do.</summary>
public abstract class QuoteCacheContract : IDisposable
{
    private IQuoteCache? _cache;

    protected abstract IQuoteCache Create();

    protected IQuoteCache Cache => _cache ??= Create();

    protected static string NewSymbol() => "NSE:S" + Guid.NewGuid().ToString("N")[..10];

    private static Tick T(string s, long seq, decimal last) => new() { Symbol = s, Sequence = seq, Last = ProtoDecimal.ToProtoRounded(last) };

    [Fact]
    public async Task SetAsync_ThenGet_ReturnsLastTick()
    {
        var s = NewSymbol();
        await Cache.SetAsync(T(s, 1, 100.05m));
        await Cache.SetAsync(T(s, 2, 100.10m));

        var tick = await Cache.GetAsync(s);

        Assert.Equal(100.10m, ProtoDecimal.FromProto(tick!.Last));
        Assert.Equal(2, tick.Sequence);
    }

    [Fact]
    public async Task SetAsync_OlderSequence_IsIgnored()
    {
        var s = NewSymbol();
        await Cache.SetAsync(T(s, 5, 1m));
        await Cache.SetAsync(T(s, 4, 2m));

        Assert.Equal(5, (await Cache.GetAsync(s))!.Sequence);
    }

    [Fact]
    public async Task GetAsync_UnknownSymbol_ReturnsNull() => Assert.Null(await Cache.GetAsync(NewSymbol()));

    [Fact]
    public async Task SetAsync_NoSymbol_Throws() =>
        await Assert.ThrowsAsync<ArgumentException>(async () => await Cache.SetAsync(new Tick()));

    public virtual void Dispose() => GC.SuppressFinalize(this);
}
