namespace ActorTrading.Runtime.Tests.TestKit;

public static class Signals
{
    /// <summary>Awaits <paramref name="task"/> with the failure guard.</summary>
    public static Task Guarded(this Task task) => task.WaitAsync(Probe.Guard);

    public static Task<T> Guarded<T>(this Task<T> task) => task.WaitAsync(Probe.Guard);

    public static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static TaskCompletionSource<T> NewSignal<T>() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
