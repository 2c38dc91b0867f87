namespace ActorTrading.Runtime.Tests.TestKit;

/// <summary>Reports every message it receives (lifecycle included) to a probe; runs an optional handler first.</summary>
public sealed class ProbeActor(Probe probe, Func<IContext, Task>? handler = null) : IActor
{
    public async Task ReceiveAsync(IContext context)
    {
        if (handler is not null) await handler(context);
        probe.Tell(context.Message);
    }

    public static Props Props(Probe probe, Func<IContext, Task>? handler = null) =>
        Runtime.Props.FromProducer(() => new ProbeActor(probe, handler));

    public static Props Props(Probe probe, Action<IContext> handler) =>
        Runtime.Props.FromProducer(() => new ProbeActor(probe, c => { handler(c); return Task.CompletedTask; }));
}
