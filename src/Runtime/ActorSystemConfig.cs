using ActorTrading.Runtime.Dispatch;
using ActorTrading.Runtime.Supervision;

namespace ActorTrading.Runtime;

/// <summary>Settings of an <see cref="ActorSystem"/>.</summary>
public sealed record ActorSystemConfig
{
    /// <summary>The node's address in PIDs; "nonhost" for a single process.</summary>
    public string Address { get; init; } = "nonhost";

    /// <summary>The clock of timers, receive timeouts, request timeouts, supervision windows.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    public IDispatcher DefaultDispatcher { get; init; } = ThreadPoolDispatcher.Default;

    /// <summary>How failures of root actors are handled.</summary>
    public ISupervisorStrategy GuardianStrategy { get; init; } = Supervisors.DefaultStrategy;

    public TimeSpan DefaultRequestTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Where dead letters are logged (throttled); null to not log them.</summary>
    public Action<string>? DeadLetterLog { get; init; }

    public int DeadLetterLogMaxPerPeriod { get; init; } = 10;

    public TimeSpan DeadLetterLogPeriod { get; init; } = TimeSpan.FromSeconds(1);
}
