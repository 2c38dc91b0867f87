using ActorTrading.Api.V1;
using ActorTrading.Cluster.V1;
using ActorTrading.Runtime;
using ActorTrading.Runtime.Messages;

namespace ActorTrading.Host.Tests.Support;

/// <summary>A symbol actor of the protocol: SubscribeTicks / UnsubscribeTicks, and fans published ticks out.</summary>
public sealed class ScriptedSymbolActor : IActor
{
    private readonly HashSet<PID> _subscribers = [];
    private Tick? _last;

    public Task ReceiveAsync(IContext context)
    {
        switch (context.Message)
        {
            case SubscribeTicks when context.Sender is { } s:
                _subscribers.Add(s);
                context.Watch(s);
                context.Respond(new SubscriptionConfirmed());
                break;
            case UnsubscribeTicks when context.Sender is { } s:
                _subscribers.Remove(s);
                break;
            case Terminated t:
                _subscribers.Remove(t.Who);
                break;
            case GetQuoteRequest:
                context.Respond(_last is null ? new CommandFailed { Code = FailureCode.NotFound, Field = "symbol", Message = "no tick yet" } : _last);
                break;
            case GetBarsRequest:
                context.Respond(new GetBarsResponse());
                break;
            case Tick tick:
                _last = tick;
                foreach (var s in _subscribers) context.Send(s, tick);
                break;
        }
        return Task.CompletedTask;
    }
}
