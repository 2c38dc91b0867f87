using ActorTrading.Runtime;

namespace ActorTrading.Load.Runtime;

/// <summary>Acknowledges each broadcast to its parent.</summary>
internal sealed class Subscriber : IActor
{
    public Task ReceiveAsync(IContext context)
    {
        if (context.Message is Broadcast) context.Send(context.Parent!, Ack.Instance);
        return Task.CompletedTask;
    }
}
