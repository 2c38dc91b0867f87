using Grpc.Testing;

namespace ActorTrading.Grpc.Interop.Client;

/// <summary>Call lifetime cases: cancel_after_begin, cancel_after_first_response, timeout_on_sleeping_server.</summary>
internal sealed partial class InteropClient
{
    public async Task CancelAfterBegin()
    {
        using var cancel = new CancellationTokenSource();
        using var call = Client.ClientStreaming(StreamingInputCall, Guarded(cancellationToken: cancel.Token));
        await cancel.CancelAsync().ConfigureAwait(false);
        await Check.StatusAsync(StatusCode.Cancelled, () => call.ResponseAsync).ConfigureAwait(false);
        Check.Equal(StatusCode.Cancelled, call.GetStatus().StatusCode, "status");
    }

    public async Task CancelAfterFirstResponse()
    {
        using var cancel = new CancellationTokenSource();
        using var call = Client.DuplexStreaming(FullDuplexCall, Guarded(cancellationToken: cancel.Token));
        await call.RequestStream.WriteAsync(OutRequest([31415], 27182)).ConfigureAwait(false);
        Check.That(await call.ResponseStream.MoveNext(CancellationToken.None).ConfigureAwait(false), "no first response");
        Check.Zeros(call.ResponseStream.Current.Payload, 31415);
        await cancel.CancelAsync().ConfigureAwait(false);
        await Check.StatusAsync(StatusCode.Cancelled, () => call.ResponseStream.MoveNext(CancellationToken.None)).ConfigureAwait(false);
        Check.Equal(StatusCode.Cancelled, call.GetStatus().StatusCode, "status");
    }

    public async Task TimeoutOnSleepingServer()
    {
        using var call = Client.DuplexStreaming(FullDuplexCall, new CallOptions(deadline: DateTime.UtcNow.AddMilliseconds(1)));
        try
        {
            await call.RequestStream.WriteAsync(new StreamingOutputCallRequest { Payload = Zeros(27182) }).ConfigureAwait(false);
        }
        catch (RpcException)
        {
            // the deadline may pass before the write; the status below is what counts
        }

        await Check.StatusAsync(StatusCode.DeadlineExceeded, () => call.ResponseStream.MoveNext(CancellationToken.None)).ConfigureAwait(false);
    }
}
