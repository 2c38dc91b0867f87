namespace ActorTrading.Runtime.Supervision;

/// <summary>The "max retries within a window" rule shared by the strategies.</summary>
internal static class RetryBudget
{
    /// <summary>Records the failure; true when it exceeds the budget (then the history is reset).</summary>
    public static bool Exhausted(RestartStatistics statistics, int maxNrOfRetries, TimeSpan? within, DateTimeOffset now)
    {
        if (maxNrOfRetries <= 0) return true;
        statistics.Fail(now);
        if (statistics.NumberOfFailures(within, now) <= maxNrOfRetries) return false;
        statistics.Reset();
        return true;
    }
}
