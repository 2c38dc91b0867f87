using ActorTrading.Runtime;

namespace ActorTrading.Actors.Tests.Hosting;

/// <summary>An actor that records every user message it receives (a subscriber in tests).</summary>
internal sealed class Probe : IActor
{
    public List<object> Messages { get; } = new();

    public IEnumerable<T> OfType<T>() => Messages.OfType<T>();

    public Task ReceiveAsync(IContext context)
    {
        if (context.Message is not (Runtime.Messages.Started or Runtime.Messages.Stopping or Runtime.Messages.Stopped)) Messages.Add(context.Message);
        return Task.CompletedTask;
    }
}
