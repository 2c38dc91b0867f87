using Grpc.Testing;

namespace ActorTrading.Grpc.Interop.Client;

/// <summary>Unary cases: empty_unary, large_unary, client/server_compressed_unary, custom metadata and status echo.</summary>
internal sealed partial class InteropClient
{
    private const string EchoInitialKey = "x-grpc-test-echo-initial";
    private const string EchoInitialValue = "test_initial_metadata_value";
    private const string EchoTrailingKey = "x-grpc-test-echo-trailing-bin";
    private static readonly byte[] EchoTrailingValue = [0xab, 0xab, 0xab];
    private const string SpecialMessage = "\t\ntest with whitespace\r\nand Unicode BMP \u263a and non-BMP \U0001f608\t\n";

    public async Task EmptyUnary()
    {
        var response = await Client.UnaryAsync(EmptyCall, new Empty(), Guarded()).ConfigureAwait(false);
        Check.That(response is not null, "response is null");
    }

    public async Task LargeUnary()
    {
        var response = await Client.UnaryAsync(UnaryCallMethod, LargeRequest(), Guarded()).ConfigureAwait(false);
        Check.Zeros(response.Payload, 314159);
    }

    public async Task ClientCompressedUnary()
    {
        var expectCompressed = LargeRequest();
        expectCompressed.ExpectCompressed = new BoolValue { Value = true };
        if (_peer.ChecksCompression)
        {
            await Check.StatusAsync(StatusCode.InvalidArgument, () => Client.UnaryAsync(UnaryCallMethod, expectCompressed, Guarded())).ConfigureAwait(false);
        }

        Check.Zeros((await Client.UnaryAsync(UnaryCallMethod, expectCompressed, Gzip()).ConfigureAwait(false)).Payload, 314159);
        var expectPlain = LargeRequest();
        expectPlain.ExpectCompressed = new BoolValue { Value = false };
        Check.Zeros((await Client.UnaryAsync(UnaryCallMethod, expectPlain, Guarded()).ConfigureAwait(false)).Payload, 314159);
    }

    public async Task ServerCompressedUnary()
    {
        foreach (var compressed in new[] { true, false })
        {
            var request = LargeRequest();
            request.ResponseCompressed = new BoolValue { Value = compressed };
            Check.Zeros((await Client.UnaryAsync(UnaryCallMethod, request, Guarded()).ConfigureAwait(false)).Payload, 314159);
            if (FlagChecks is { } frames)
            {
                Check.Equal(compressed, frames.Last.WasCompressed(0), "compressed flag of the response");
            }
        }
    }

    public async Task CustomMetadata()
    {
        using (var call = Client.UnaryCall(UnaryCallMethod, LargeRequest(), Guarded(EchoHeaders())))
        {
            Check.Zeros((await call.ResponseAsync.ConfigureAwait(false)).Payload, 314159);
            CheckEchoed(await call.ResponseHeadersAsync.ConfigureAwait(false), call.GetTrailers());
        }

        using var duplex = Client.DuplexStreaming(FullDuplexCall, Guarded(EchoHeaders()));
        await duplex.RequestStream.WriteAsync(OutRequest([314159], 271828)).ConfigureAwait(false);
        await duplex.RequestStream.CompleteAsync().ConfigureAwait(false);
        var responses = await ReadAllAsync(duplex.ResponseStream).ConfigureAwait(false);
        Check.Equal(1, responses.Count, "responses");
        Check.Zeros(responses[0].Payload, 314159);
        CheckEchoed(await duplex.ResponseHeadersAsync.ConfigureAwait(false), duplex.GetTrailers());
    }

    public async Task StatusCodeAndMessage() => await EchoStatusAsync("test status message", duplexToo: true).ConfigureAwait(false);

    public async Task SpecialStatusMessage() => await EchoStatusAsync(SpecialMessage, duplexToo: false).ConfigureAwait(false);

    public async Task UnimplementedMethod() =>
        await Check.StatusAsync(StatusCode.Unimplemented, () => Client.UnaryAsync(UnimplementedCall, new Empty(), Guarded())).ConfigureAwait(false);

    public async Task UnimplementedService() =>
        await Check.StatusAsync(StatusCode.Unimplemented, () => Client.UnaryAsync(UnimplementedServiceCall, new Empty(), Guarded())).ConfigureAwait(false);

    private async Task EchoStatusAsync(string message, bool duplexToo)
    {
        var status = new EchoStatus { Code = 2, Message = message };
        await Check.StatusAsync(StatusCode.Unknown, () => Client.UnaryAsync(UnaryCallMethod, new SimpleRequest { ResponseStatus = status }, Guarded()), message).ConfigureAwait(false);
        if (!duplexToo)
        {
            return;
        }

        using var duplex = Client.DuplexStreaming(FullDuplexCall, Guarded());
        await duplex.RequestStream.WriteAsync(new StreamingOutputCallRequest { ResponseStatus = status }).ConfigureAwait(false);
        await duplex.RequestStream.CompleteAsync().ConfigureAwait(false);
        await Check.StatusAsync(StatusCode.Unknown, () => ReadAllAsync(duplex.ResponseStream), message).ConfigureAwait(false);
    }

    private static Metadata EchoHeaders() => new Metadata().Add(EchoInitialKey, EchoInitialValue).Add(EchoTrailingKey, EchoTrailingValue);

    private static void CheckEchoed(Metadata headers, Metadata trailers)
    {
        Check.Equal(EchoInitialValue, headers.GetValue(EchoInitialKey), $"{EchoInitialKey} in response headers");
        var trailing = trailers.GetValueBytes(EchoTrailingKey);
        Check.That(trailing is not null && trailing.AsSpan().SequenceEqual(EchoTrailingValue), $"{EchoTrailingKey} in trailers: {(trailing is null ? "missing" : Convert.ToHexString(trailing))}");
    }
}
