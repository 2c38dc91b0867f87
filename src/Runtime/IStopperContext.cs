namespace ActorTrading.Runtime;

/// <summary>Stopping actors.</summary>
public interface IStopperContext
{
    /// <summary>Stops at once (a system message: queued user messages become dead letters).</summary>
    void Stop(PID pid);

    /// <summary>Stops and completes when the actor has terminated.</summary>
    Task StopAsync(PID pid);

    /// <summary>Stops after the user messages already queued (sends <c>PoisonPill</c>).</summary>
    void Poison(PID pid);

    Task PoisonAsync(PID pid);
}
