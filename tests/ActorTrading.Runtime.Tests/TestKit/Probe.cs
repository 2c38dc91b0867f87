using System.Threading.Channels;

namespace ActorTrading.Runtime.Tests.TestKit;

/// <summary>Collects what actors report and lets a test await it (with a generous failure guard, never as a wait).</summary>
public sealed class Probe
{
    public static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);
    private readonly Channel<object> _channel = Channel.CreateUnbounded<object>();

    public void Tell(object message) => _channel.Writer.TryWrite(message);

    public async Task<object> ReceiveAsync()
    {
        using var cts = new CancellationTokenSource(Guard);
        return await _channel.Reader.ReadAsync(cts.Token);
    }

    public async Task<T> ExpectAsync<T>()
    {
        var message = await ReceiveAsync();
        return message is T typed ? typed : throw new Xunit.Sdk.XunitException($"expected {typeof(T).Name}, got {message}");
    }

    /// <summary>Skips other messages until one of type <typeparamref name="T"/> (and matching) arrives.</summary>
    public async Task<T> FishAsync<T>(Func<T, bool>? match = null)
    {
        while (true)
            if (await ReceiveAsync() is T typed && (match is null || match(typed))) return typed;
    }

    public bool TryReceive(out object? message) => _channel.Reader.TryRead(out message);

    public List<object> Drain()
    {
        var list = new List<object>();
        while (_channel.Reader.TryRead(out var m)) list.Add(m);
        return list;
    }
}
