using ActorTrading.Runtime;

namespace ActorTrading.Load.Runtime;

/// <summary>Answers every request with the request itself.</summary>
internal sealed class Responder : IActor
{
    public Task ReceiveAsync(IContext context)
    {
        if (context.Sender is { } sender) context.Send(sender, context.Message);
        return Task.CompletedTask;
    }
}
