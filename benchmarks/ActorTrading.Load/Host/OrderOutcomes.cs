using ActorTrading.Api.V1;

namespace ActorTrading.Load.Host;

/// <summary>How the acknowledgements of a run came out (a denial in a load run means a limit was left in the way).</summary>
internal sealed class OrderOutcomes
{
    private long _accepted;
    private long _denied;
    private string _lastDenial = "";

    public long Accepted => Interlocked.Read(ref _accepted);
    public long Denied => Interlocked.Read(ref _denied);

    public void Count(OrderAck ack)
    {
        if (ack.Status == OrderStatus.Denied)
        {
            Interlocked.Increment(ref _denied);
            _lastDenial = $"{ack.DenialReason}: {ack.Message}";
        }
        else Interlocked.Increment(ref _accepted);
    }

    public override string ToString() => $"{Accepted} accepted, {Denied} denied{(Denied > 0 ? " (last: " + _lastDenial + ")" : "")}";
}
