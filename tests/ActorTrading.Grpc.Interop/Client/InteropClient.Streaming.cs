using Grpc.Testing;

namespace ActorTrading.Grpc.Interop.Client;

/// <summary>Streaming cases: client/server streaming (plain and compressed), ping_pong, empty_stream.</summary>
internal sealed partial class InteropClient
{
    private static readonly WriteOptions NoCompress = new(WriteFlags.NoCompress);

    public async Task ClientStreaming()
    {
        using var call = Client.ClientStreaming(StreamingInputCall, Guarded());
        foreach (var size in new[] { 27182, 8, 1828, 45904 })
        {
            await call.RequestStream.WriteAsync(new StreamingInputCallRequest { Payload = Zeros(size) }).ConfigureAwait(false);
        }

        await call.RequestStream.CompleteAsync().ConfigureAwait(false);
        Check.Equal(74922, (await call.ResponseAsync.ConfigureAwait(false)).AggregatedPayloadSize, "aggregated_payload_size");
    }

    public async Task ClientCompressedStreaming()
    {
        if (_peer.ChecksCompression)
        {
            using var probe = Client.ClientStreaming(StreamingInputCall, Guarded());
            await Check.StatusAsync(StatusCode.InvalidArgument, async () =>
            {
                await WriteIgnoringEarlyStatusAsync(probe.RequestStream, InputRequest(27182, expectCompressed: true)).ConfigureAwait(false);
                await probe.ResponseAsync.ConfigureAwait(false);
            }).ConfigureAwait(false);
        }

        using var call = Client.ClientStreaming(StreamingInputCall, Gzip());
        await call.RequestStream.WriteAsync(InputRequest(27182, expectCompressed: true)).ConfigureAwait(false);
        call.RequestStream.WriteOptions = NoCompress;
        await call.RequestStream.WriteAsync(InputRequest(45904, expectCompressed: false)).ConfigureAwait(false);
        await call.RequestStream.CompleteAsync().ConfigureAwait(false);
        Check.Equal(73086, (await call.ResponseAsync.ConfigureAwait(false)).AggregatedPayloadSize, "aggregated_payload_size");
    }

    public async Task ServerStreaming()
    {
        int[] sizes = [31415, 9, 2653, 58979];
        using var call = Client.ServerStreaming(StreamingOutputCall, OutRequest(sizes), Guarded());
        var responses = await ReadAllAsync(call.ResponseStream).ConfigureAwait(false);
        Check.Equal(string.Join(",", sizes), string.Join(",", responses.Select(r => r.Payload.Body.Length)), "response sizes");
    }

    public async Task ServerCompressedStreaming()
    {
        var request = new StreamingOutputCallRequest();
        request.ResponseParameters.Add(new ResponseParameters { Size = 31415, Compressed = new BoolValue { Value = true } });
        request.ResponseParameters.Add(new ResponseParameters { Size = 92653, Compressed = new BoolValue { Value = false } });
        using var call = Client.ServerStreaming(StreamingOutputCall, request, Guarded());
        var responses = await ReadAllAsync(call.ResponseStream).ConfigureAwait(false);
        Check.Equal("31415,92653", string.Join(",", responses.Select(r => r.Payload.Body.Length)), "response sizes");
        if (FlagChecks is { } frames)
        {
            Check.Equal(true, frames.Last.WasCompressed(0), "compressed flag of response 1");
            Check.Equal(false, frames.Last.WasCompressed(1), "compressed flag of response 2");
        }
    }

    public async Task PingPong()
    {
        using var call = Client.DuplexStreaming(FullDuplexCall, Guarded());
        foreach (var (size, payload) in new[] { (31415, 27182), (9, 8), (2653, 1828), (58979, 45904) })
        {
            await call.RequestStream.WriteAsync(OutRequest([size], payload)).ConfigureAwait(false);
            Check.That(await call.ResponseStream.MoveNext(CancellationToken.None).ConfigureAwait(false), "stream ended early");
            Check.Zeros(call.ResponseStream.Current.Payload, size);
        }

        await call.RequestStream.CompleteAsync().ConfigureAwait(false);
        Check.That(!await call.ResponseStream.MoveNext(CancellationToken.None).ConfigureAwait(false), "unexpected extra response");
        Check.Equal(StatusCode.OK, call.GetStatus().StatusCode, "status");
    }

    public async Task EmptyStream()
    {
        using var call = Client.DuplexStreaming(FullDuplexCall, Guarded());
        await call.RequestStream.CompleteAsync().ConfigureAwait(false);
        Check.Equal(0, (await ReadAllAsync(call.ResponseStream).ConfigureAwait(false)).Count, "responses");
    }

    private static StreamingInputCallRequest InputRequest(int size, bool expectCompressed) =>
        new() { Payload = Zeros(size), ExpectCompressed = new BoolValue { Value = expectCompressed } };

    /// <summary>The server may answer INVALID_ARGUMENT before the request stream is complete; the status is what counts.</summary>
    private static async Task WriteIgnoringEarlyStatusAsync<T>(IClientStreamWriter<T> stream, T message)
    {
        try
        {
            await stream.WriteAsync(message).ConfigureAwait(false);
            await stream.CompleteAsync().ConfigureAwait(false);
        }
        catch (RpcException)
        {
            // the response carries the status
        }
    }
}
