using ActorTrading.Actors.Brokers;

namespace ActorTrading.Actors.Gateways;

/// <summary>Brokers that do not push executions (<see cref="IPolledBroker"/>): a background loop polls them; reports go through the pump.</summary>
public sealed partial class GatewayActor
{
    private void StartPolling()
    {
        if (_broker is not IPolledBroker polled || polled.PollInterval <= TimeSpan.Zero || _stop is null) return;
        _ = PollLoopAsync(polled, services.Time, _stop.Token);
    }

    private static async Task PollLoopAsync(IPolledBroker broker, TimeProvider time, CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                await Task.Delay(broker.PollInterval, time, ct).ConfigureAwait(false);
                try
                {
                    await broker.PollAsync(ct).ConfigureAwait(false);   // failures are results; the next poll tries again
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // a broken response must not end polling: the next round tries again
                }
            }
        }
        catch (OperationCanceledException) { }
    }
}
