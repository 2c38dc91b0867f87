namespace ActorTrading.Storage.Tests.Infrastructure;

/// <summary>A TimeProvider that moves only when told (until the runtime's one is merged).</summary>
public sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
