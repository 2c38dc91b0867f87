using ActorTrading.Runtime;

namespace ActorTrading.Load.Runtime;

/// <summary>Answers every ping with the same object.</summary>
internal sealed class Echo : IActor
{
    public Task ReceiveAsync(IContext context)
    {
        if (context.Message is Ping ping) context.Send(ping.ReplyTo, ping);
        return Task.CompletedTask;
    }
}
