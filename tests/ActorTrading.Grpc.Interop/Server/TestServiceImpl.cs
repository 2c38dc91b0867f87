using Grpc.Testing;

namespace ActorTrading.Grpc.Interop.Server;

/// <summary>
/// grpc.testing.TestService as grpc/doc/interop-test-descriptions.md defines its server features:
/// EmptyCall, UnaryCall, StreamingInputCall, StreamingOutputCall, FullDuplexCall, HalfDuplexCall,
/// CompressedRequest/Response, Echo Metadata, Echo Status and ResponseParameters.interval_us.
/// </summary>
public sealed class TestServiceImpl(TimeProvider time)
{
    public async Task<Empty> EmptyCall(Empty request, ServerCallContext context)
    {
        await InteropEcho.EchoMetadataAsync(context).ConfigureAwait(false);
        return new Empty();
    }

    public async Task<SimpleResponse> UnaryCall(SimpleRequest request, ServerCallContext context)
    {
        InteropEcho.CheckCompression(context, request.ExpectCompressed);
        InteropEcho.ChooseResponseCompression(context, [request.ResponseCompressed]);
        await InteropEcho.EchoMetadataAsync(context).ConfigureAwait(false);
        InteropEcho.ThrowIfEchoStatus(request.ResponseStatus);
        return new SimpleResponse { Payload = InteropEcho.Payload(request.ResponseType, request.ResponseSize) };
    }

    /// <summary>Like UnaryCall; the payload is the current time so that two responses differ (the cache proxy part is not ours).</summary>
    public async Task<SimpleResponse> CacheableUnaryCall(SimpleRequest request, ServerCallContext context)
    {
        await InteropEcho.EchoMetadataAsync(context).ConfigureAwait(false);
        context.HttpContext.Response.Headers.CacheControl = "max-age=60";
        var now = time.GetUtcNow().ToUnixTimeMilliseconds() * 1_000_000L;
        var body = Google.Protobuf.ByteString.CopyFromUtf8(now.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return new SimpleResponse { Payload = new Payload { Body = body } };
    }

    public async Task StreamingOutputCall(StreamingOutputCallRequest request, IServerStreamWriter<StreamingOutputCallResponse> responseStream, ServerCallContext context)
    {
        InteropEcho.ChooseResponseCompression(context, request.ResponseParameters.Select(p => p.Compressed));
        await InteropEcho.EchoMetadataAsync(context).ConfigureAwait(false);
        InteropEcho.ThrowIfEchoStatus(request.ResponseStatus);
        await WriteResponsesAsync(request, responseStream, context).ConfigureAwait(false);
    }

    public async Task<StreamingInputCallResponse> StreamingInputCall(IAsyncStreamReader<StreamingInputCallRequest> requestStream, ServerCallContext context)
    {
        await InteropEcho.EchoMetadataAsync(context).ConfigureAwait(false);
        var total = 0;
        while (await requestStream.MoveNext(context.CancellationToken).ConfigureAwait(false))
        {
            InteropEcho.CheckCompression(context, requestStream.Current.ExpectCompressed);
            total += requestStream.Current.Payload?.Body.Length ?? 0;
        }

        return new StreamingInputCallResponse { AggregatedPayloadSize = total };
    }

    /// <summary>
    /// Responds to each request as it arrives. The headers (echoed metadata, response encoding) wait for the first
    /// request, so that its response_parameters can ask for compression; an empty stream sends them at the end.
    /// </summary>
    public async Task FullDuplexCall(IAsyncStreamReader<StreamingOutputCallRequest> requestStream, IServerStreamWriter<StreamingOutputCallResponse> responseStream, ServerCallContext context)
    {
        var headersSent = false;
        while (await requestStream.MoveNext(context.CancellationToken).ConfigureAwait(false))
        {
            var request = requestStream.Current;
            if (!headersSent)
            {
                InteropEcho.ChooseResponseCompression(context, request.ResponseParameters.Select(p => p.Compressed));
                await InteropEcho.EchoMetadataAsync(context).ConfigureAwait(false);
                headersSent = true;
            }

            InteropEcho.ThrowIfEchoStatus(request.ResponseStatus);
            await WriteResponsesAsync(request, responseStream, context).ConfigureAwait(false);
        }

        if (!headersSent)
        {
            await InteropEcho.EchoMetadataAsync(context).ConfigureAwait(false);
        }
    }

    /// <summary>Reads every request first, then responds to them in order.</summary>
    public async Task HalfDuplexCall(IAsyncStreamReader<StreamingOutputCallRequest> requestStream, IServerStreamWriter<StreamingOutputCallResponse> responseStream, ServerCallContext context)
    {
        var requests = new List<StreamingOutputCallRequest>();
        while (await requestStream.MoveNext(context.CancellationToken).ConfigureAwait(false))
        {
            requests.Add(requestStream.Current);
        }

        InteropEcho.ChooseResponseCompression(context, requests.SelectMany(r => r.ResponseParameters).Select(p => p.Compressed));
        await InteropEcho.EchoMetadataAsync(context).ConfigureAwait(false);
        foreach (var request in requests)
        {
            InteropEcho.ThrowIfEchoStatus(request.ResponseStatus);
            await WriteResponsesAsync(request, responseStream, context).ConfigureAwait(false);
        }
    }

    /// <summary>Not implemented on purpose: the unimplemented_method case calls it.</summary>
    public Task<Empty> UnimplementedCall(Empty request, ServerCallContext context) =>
        throw new RpcException(new Status(StatusCode.Unimplemented, "grpc.testing.TestService/UnimplementedCall is not implemented."));

    /// <summary>One response per ResponseParameters, each after its interval_us pause (relative to the previous response).</summary>
    private async Task WriteResponsesAsync(StreamingOutputCallRequest request, IServerStreamWriter<StreamingOutputCallResponse> responseStream, ServerCallContext context)
    {
        foreach (var parameters in request.ResponseParameters)
        {
            if (parameters.IntervalUs > 0)
            {
                await Task.Delay(TimeSpan.FromMicroseconds(parameters.IntervalUs), time, context.CancellationToken).ConfigureAwait(false);
            }

            responseStream.WriteOptions = InteropEcho.ResponseOptions(parameters.Compressed);
            var response = new StreamingOutputCallResponse { Payload = InteropEcho.Payload(request.ResponseType, parameters.Size) };
            await responseStream.WriteAsync(response, context.CancellationToken).ConfigureAwait(false);
        }
    }
}
