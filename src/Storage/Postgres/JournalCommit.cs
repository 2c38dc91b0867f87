namespace ActorTrading.Storage.Postgres;

/// <summary>
/// One group commit that succeeded, for metrics: how much it carried and how long it took. <see cref="Elapsed"/> runs from
/// the moment the lane cut the batch to COMMIT's answer (building the statements + <see cref="RoundTrip"/>);
/// <see cref="QueueWait"/> is how long the batch's oldest write had waited in the lane before the batch was cut (behind
/// the lane's previous commit). An append's latency is therefore at most QueueWait + Elapsed (+ the wake-up of its caller).
/// </summary>
public readonly record struct JournalCommit(int Events, int Audits, TimeSpan Elapsed)
{
    /// <summary>Sending the statements to COMMIT's answer (the server's execution, the WAL flush and the wire).</summary>
    public TimeSpan RoundTrip { get; init; }

    /// <summary>How long the oldest write of the batch waited in the lane's queue before the batch was cut.</summary>
    public TimeSpan QueueWait { get; init; }
}
