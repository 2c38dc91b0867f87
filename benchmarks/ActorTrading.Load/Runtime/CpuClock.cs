using System.Diagnostics;

namespace ActorTrading.Load.Runtime;

/// <summary>
/// CPU time consumed by this process. On a machine shared with other work, wall-clock rates
/// understate the runtime; rates per CPU-second (times the cores we could have had) show what
/// the code does when it gets the cores.
/// </summary>
internal readonly struct CpuClock
{
    private readonly TimeSpan _start;

    private CpuClock(TimeSpan start) => _start = start;

    public static CpuClock Start() => new(Process.GetCurrentProcess().TotalProcessorTime);

    public TimeSpan Elapsed => Process.GetCurrentProcess().TotalProcessorTime - _start;
}
