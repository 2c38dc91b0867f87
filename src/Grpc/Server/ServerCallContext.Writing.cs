using System.Buffers;
using System.IO.Pipelines;
using System.Buffers.Text;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace ActorTrading.Grpc;

/// <summary>Writing response headers, message frames and the final status.</summary>
public sealed partial class ServerCallContext
{
    private const int FlushThreshold = 64 * 1024;
    private readonly Lock _writeLock = new();
    private bool _headersSent;
    private bool _finished;
    private bool _flushing;
    private TaskCompletionSource? _flushDone;
    private long _unflushedBytes;

    /// <summary>
    /// Chooses the response encoding of this call before its first message ("identity" turns compression off).
    /// False (and identity) when the server lacks that encoding or the client did not list it in grpc-accept-encoding.
    /// </summary>
    public bool SetResponseCompression(string encoding)
    {
        if (_headersSent)
        {
            throw new InvalidOperationException("Response headers were already sent: choose the encoding before the first message.");
        }

        ResponseCompressor = null;
        if (encoding == GrpcProtocol.IdentityEncoding)
        {
            return true;
        }

        var provider = CompressionProviders.Find(_runtime.Providers, encoding);
        if (provider is null || !CompressionProviders.Accepts(_http.Request.Headers[GrpcProtocol.AcceptEncodingHeader].ToString(), provider.EncodingName))
        {
            return false;
        }

        ResponseCompressor = provider;
        return true;
    }

    internal void EnsureHeaders()
    {
        if (_headersSent)
        {
            return;
        }

        _headersSent = true;
        var response = _http.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ResponseContentType();
        if (ResponseCompressor is not null || RequestDecompressor is not null)
        {
            // Only calls that use compression hear which encodings we accept: it keeps the common response small.
            response.Headers[GrpcProtocol.AcceptEncodingHeader] = _runtime.AcceptEncoding;
        }

        if (ResponseCompressor is not null)
        {
            response.Headers[GrpcProtocol.EncodingHeader] = ResponseCompressor.EncodingName;
        }
    }

    /// <summary>Writes one response frame into the body pipe (no flush).</summary>
    internal void WriteMessage(IMessage message, WriteOptions? options)
    {
        lock (_writeLock)
        {
            if (_finished)
            {
                throw new RpcException(new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded: the call has already ended."));
            }

            WriteMessageCore(message, options);
        }
    }

    private void WriteMessageCore(IMessage message, WriteOptions? options)
    {
        EnsureHeaders();
        var compression = ResponseCompressor;
        if (compression is not null && (((options ?? WriteOptions)?.Flags ?? WriteFlags.None) & WriteFlags.NoCompress) != 0)
        {
            compression = null;
        }

        var body = _http.Response.BodyWriter;
        if (_mode != GrpcWireMode.GrpcWebText)
        {
            _unflushedBytes += FrameCodec.WriteMessage(body, message, compression, _runtime.MaxSendMessageSize);
            return;
        }

        var frame = new ArrayBufferWriter<byte>();
        FrameCodec.WriteMessage(frame, message, compression, _runtime.MaxSendMessageSize);
        WriteBase64(frame.WrittenSpan);
    }

    internal bool ShouldFlush => _unflushedBytes >= FlushThreshold;

    /// <summary>
    /// Flushes the body. Pass <see cref="FlushToken"/> (client gone), not the deadline: Kestrel aborts a stream whose
    /// flush is cancelled (RST_STREAM INTERNAL_ERROR), while a deadline must end it with DEADLINE_EXCEEDED.
    /// </summary>
    internal ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken)
    {
        lock (_writeLock)
        {
            if (_finished)
            {
                return default;
            }

            _flushing = true;
        }

        _unflushedBytes = 0;
        var flush = _http.Response.BodyWriter.FlushAsync(cancellationToken);
        if (flush.IsCompleted)
        {
            _flushing = false;
            return flush;
        }

        return AwaitFlushAsync(flush);
    }

    /// <summary>What flushes wait on: the client going away, never the deadline.</summary>
    internal CancellationToken FlushToken => _http.RequestAborted;

    private async ValueTask<FlushResult> AwaitFlushAsync(ValueTask<FlushResult> flush)
    {
        try
        {
            return await flush.ConfigureAwait(false);
        }
        finally
        {
            lock (_writeLock)
            {
                _flushing = false;
                _flushDone?.TrySetResult();
            }
        }
    }

    /// <summary>Ends the call with <paramref name="status"/>: in trailers, as Trailers-Only, or (gRPC-Web) as a 0x80 frame.</summary>
    internal void WriteStatus(Status status, Metadata? extraTrailers)
    {
        var response = _http.Response;
        if (_mode is GrpcWireMode.GrpcWeb or GrpcWireMode.GrpcWebText)
        {
            EnsureHeaders();
            WriteWebTrailers(status, extraTrailers);
            return;
        }

        if (!_headersSent && !response.HasStarted)
        {
            EnsureHeaders();
            AppendStatus(response.Headers, status, extraTrailers);
            return;
        }

        if (_http.Features.Get<IHttpResponseTrailersFeature>() is { Trailers: { IsReadOnly: false } trailers })
        {
            AppendStatus(trailers, status, extraTrailers);
        }
    }

    private void AppendStatus(IHeaderDictionary target, Status status, Metadata? extraTrailers)
    {
        target[GrpcProtocol.StatusHeader] = ((int)status.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (status.Detail.Length != 0)
        {
            target[GrpcProtocol.MessageHeader] = PercentEncoding.Encode(status.Detail);
        }

        AppendMetadata(target, _responseTrailers);
        AppendMetadata(target, extraTrailers);
    }

    private static void AppendMetadata(IHeaderDictionary target, Metadata? metadata)
    {
        if (metadata is null)
        {
            return;
        }

        foreach (var entry in metadata)
        {
            target.Append(entry.Key, MetadataCodec.ToHeaderValue(entry));
        }
    }

    private void WriteWebTrailers(Status status, Metadata? extraTrailers)
    {
        var headers = new HeaderDictionary();
        AppendStatus(headers, status, extraTrailers);
        WebTrailerFrame.Write(_http.Response, WebTrailerFrame.Create(headers), _mode == GrpcWireMode.GrpcWebText);
    }

    private void WriteBase64(ReadOnlySpan<byte> frame)
    {
        var body = _http.Response.BodyWriter;
        var length = Base64.GetMaxEncodedToUtf8Length(frame.Length);
        var span = body.GetSpan(length);
        Base64.EncodeToUtf8(frame, span, out _, out var written);
        body.Advance(written);
        _unflushedBytes += written;
    }

    private string ResponseContentType() => _mode switch
    {
        GrpcWireMode.GrpcWeb => _http.Request.ContentType?.StartsWith(GrpcProtocol.GrpcWebProtoContentType, StringComparison.OrdinalIgnoreCase) == true
            ? GrpcProtocol.GrpcWebProtoContentType
            : GrpcProtocol.GrpcWebContentType,
        GrpcWireMode.GrpcWebText => GrpcProtocol.GrpcWebTextContentType,
        _ => GrpcProtocol.ContentType,
    };
}
