namespace ActorTrading.Runtime.Remote;

/// <summary>Counters of what the endpoints wrote (read by benchmarks and tests).</summary>
internal sealed class RemoteMetrics
{
    private long _envelopes, _batches;

    public long Envelopes => Interlocked.Read(ref _envelopes);
    public long Batches => Interlocked.Read(ref _batches);

    public void Batch(int envelopes)
    {
        Interlocked.Add(ref _envelopes, envelopes);
        Interlocked.Increment(ref _batches);
    }
}
