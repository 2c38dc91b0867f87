using ActorTrading.Api.V1;
using ActorTrading.Cluster.V1;
using ActorTrading.Runtime;

namespace ActorTrading.Actors.Accounts;

/// <summary>A short-lived child that gathers the acks of CloseAllPositions and answers once with all of them.</summary>
internal sealed class AckCollector(int expected, PID? replyTo) : IActor
{
    private readonly CloseAllPositionsResponse _response = new();

    public Task ReceiveAsync(IContext context)
    {
        switch (context.Message)
        {
            case OrderAck ack: _response.Acks.Add(ack); break;
            case CommandFailed failed: _response.Acks.Add(new OrderAck { Status = OrderStatus.Rejected, Message = failed.Message }); break;
            default: return Task.CompletedTask;
        }
        if (_response.Acks.Count < expected) return Task.CompletedTask;
        if (replyTo is not null) context.Send(replyTo, _response);
        context.Stop(context.Self);
        return Task.CompletedTask;
    }
}
