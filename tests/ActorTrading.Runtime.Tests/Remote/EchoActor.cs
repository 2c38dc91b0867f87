using Google.Protobuf.WellKnownTypes;

namespace ActorTrading.Runtime.Tests.Remote;

/// <summary>Answers a <see cref="StringValue"/> with "&lt;node address&gt;:&lt;text&gt;"; "silent" is never answered; "stop" stops it.</summary>
public sealed class EchoActor : IActor
{
    public Task ReceiveAsync(IContext context)
    {
        if (context.Message is StringValue { Value: var text })
        {
            if (text == "stop") context.Stop(context.Self);
            else if (text != "silent" && context.Sender is { } sender) context.Send(sender, new StringValue { Value = context.System.Address + ":" + text });
        }
        return Task.CompletedTask;
    }
}
