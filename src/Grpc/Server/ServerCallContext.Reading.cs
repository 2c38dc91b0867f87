using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using Google.Protobuf;

namespace ActorTrading.Grpc;

/// <summary>Reading request frames from the request body pipe.</summary>
public sealed partial class ServerCallContext
{
    private PipeReader? _requestReader;
    private bool _requestCompleted;

    /// <summary>Whether the last request message read arrived compressed (compressed flag set).</summary>
    public bool RequestMessageCompressed { get; private set; }

    private PipeReader RequestReader => _requestReader ??= _mode == GrpcWireMode.GrpcWebText
        ? PipeReader.Create(new Base64DecodingStream(_http.Request.Body))
        : _http.Request.BodyReader;

    /// <summary>Reads the one message of a unary or server-streaming request, and checks nothing follows it.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    internal async ValueTask<T> ReadSingleMessageAsync<T>(MessageParser<T> parser)
        where T : IMessage<T>
    {
        var message = await ReadMessageAsync(parser, CancellationToken).ConfigureAwait(false);
        if (message is null)
        {
            ThrowHelper.MissingRequestMessage();
        }

        if (!_requestCompleted && await ReadMessageAsync(parser, CancellationToken).ConfigureAwait(false) is not null)
        {
            ThrowHelper.AdditionalRequestMessage();
        }

        return message;
    }

    /// <summary>The next request message, or null once the client half-closed.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    internal async ValueTask<T?> ReadMessageAsync<T>(MessageParser<T> parser, CancellationToken cancellationToken)
        where T : IMessage<T>
    {
        if (_requestCompleted)
        {
            return default;
        }

        var reader = RequestReader;
        while (true)
        {
            ReadResult result;
            try
            {
                result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or InvalidOperationException && CancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException("The client cancelled the call.", ex, CancellationToken);
            }

            var buffer = result.Buffer;
            var consumed = buffer.Start;
            var examined = buffer.End;
            try
            {
                if (FrameCodec.TryReadFrame(ref buffer, _runtime.MaxReceiveMessageSize, out var flags, out var payload))
                {
                    consumed = examined = buffer.Start;
                    if (result.IsCompleted && buffer.IsEmpty)
                    {
                        _requestCompleted = true;
                    }

                    RequestMessageCompressed = (flags & 1) != 0;
                    return FrameCodec.ReadMessage(parser, flags, payload, RequestDecompressor, _runtime.MaxReceiveMessageSize);
                }

                if (result.IsCompleted || result.IsCanceled)
                {
                    if (!buffer.IsEmpty)
                    {
                        ThrowHelper.IncompleteMessage();
                    }

                    _requestCompleted = true;
                    consumed = buffer.End;
                    return default;
                }
            }
            finally
            {
                reader.AdvanceTo(consumed, examined);
            }
        }
    }
}
