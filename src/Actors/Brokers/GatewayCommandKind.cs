namespace ActorTrading.Actors.Brokers;

/// <summary>What a queued broker request does; lower value = higher priority (cancel &gt; modify &gt; new).</summary>
public enum GatewayCommandKind
{
    Cancel = 0,
    Modify = 1,
    New = 2,
}
