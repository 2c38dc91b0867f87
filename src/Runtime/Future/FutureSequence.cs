namespace ActorTrading.Runtime.Future;

/// <summary>Numbers future PIDs (their id string is only formatted on demand).</summary>
internal static class FutureSequence
{
    private static long s_next;

    public static long Next() => Interlocked.Increment(ref s_next);
}
