namespace ActorTrading.Actors.Ports;

/// <summary>A store that keeps working, with less, when its backing service is lost (health reports it).</summary>
public interface IDegradable
{
    /// <summary>True while the backing service is unreachable and a fallback answers.</summary>
    bool IsDegraded { get; }
}
