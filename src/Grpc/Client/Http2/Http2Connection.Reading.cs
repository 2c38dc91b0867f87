using System.Buffers;
using System.Buffers.Binary;

namespace ActorTrading.Grpc.Http2;

/// <summary>The single reader loop: parses frames in place from one pooled buffer and dispatches them.</summary>
internal sealed partial class Http2Connection
{
    private const int MaxFrameSize = Http2Protocol.DefaultMaxFrameSize; // what we accept (we never raise SETTINGS_MAX_FRAME_SIZE)

    private readonly HpackDecoder _decoder = new();
    private readonly List<KeyValuePair<string, string>> _decoded = [];
    private readonly ArrayBufferWriter<byte> _continuation = new(1024);
    private int _continuationStream;
    private bool _continuationEndStream;
    private long _connectionReceived;
    private readonly List<Http2Stream> _wakes = [];
    private readonly bool _inlineDelivery;

    /// <summary>
    /// A stream got headers, data or its end (reader loop): its caller is woken once this batch of frames is parsed,
    /// before the loop reads the socket again, so what arrives in one read costs one hand-off, not one per frame.
    /// </summary>
    public void QueueWake(Http2Stream stream)
    {
        if (!stream.WakeQueued)
        {
            stream.WakeQueued = true;
            _wakes.Add(stream);
        }
    }

    /// <summary>Every queued stream is woken by a thread-pool work item (the loop goes on reading at once).</summary>
    private void WakeAll()
    {
        foreach (var stream in _wakes)
        {
            stream.WakeQueued = false;
            stream.Schedule();
        }

        _wakes.Clear();
    }

    /// <summary>
    /// Reads the socket. When the read does not complete at once and exactly one stream is waiting to be woken (a
    /// serial caller), the read's continuation is registered first and the stream is then delivered on this thread: the
    /// caller's continuation runs here instead of one thread-pool hop later, and the loop no longer needs this thread
    /// (the read's completion resumes it on the thread pool), so a caller that blocks cannot stall the reader. Several
    /// woken streams are all queued: one of them running here would hold the others in this thread's local queue
    /// (measured: 16 in flight lost a third of its throughput and got 10 ms stalls).
    /// </summary>
    private ValueTask<int> ReadAsync(Memory<byte> buffer, out Http2Stream? deliverHere)
    {
        deliverHere = null;
        if (_wakes.Count != 1 || !_inlineDelivery)
        {
            WakeAll();
            return _transport.ReadAsync(buffer);
        }

        var read = _transport.ReadAsync(buffer);
        if (read.IsCompleted)
        {
            WakeAll();
            return read;
        }

        deliverHere = _wakes[0];
        deliverHere.WakeQueued = false;
        _wakes.Clear();
        return read;
    }

    private async Task ReadLoopAsync()
    {
        var buffer = ArrayPool<byte>.Shared.Rent(4 * (MaxFrameSize + Http2Protocol.FrameHeaderSize));
        int start = 0, end = 0;
        try
        {
            while (true)
            {
                while (end - start < Http2Protocol.FrameHeaderSize || end - start < Http2Protocol.FrameHeaderSize + PayloadLength(buffer, start))
                {
                    if (end - start >= Http2Protocol.FrameHeaderSize && PayloadLength(buffer, start) > MaxFrameSize)
                    {
                        throw new HttpProtocolException(Http2Protocol.FrameSizeError, "The server sent a frame larger than SETTINGS_MAX_FRAME_SIZE.", null);
                    }

                    if (buffer.Length - end < MaxFrameSize + Http2Protocol.FrameHeaderSize)
                    {
                        Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                        end -= start;
                        start = 0;
                    }

                    var pending = ReadAsync(buffer.AsMemory(end), out var deliverHere);
                    var read = deliverHere is null
                        ? await pending.ConfigureAwait(false)
                        : await new ReadAndDeliverAwaitable(pending, deliverHere);
                    if (read == 0)
                    {
                        throw new IOException("The server closed the HTTP/2 connection.");
                    }

                    end += read;
                }

                var length = PayloadLength(buffer, start);
                var header = buffer.AsSpan(start, Http2Protocol.FrameHeaderSize);
                var streamId = BinaryPrimitives.ReadInt32BigEndian(header[5..]) & int.MaxValue;
                ProcessFrame(header[3], header[4], streamId, buffer.AsSpan(start + Http2Protocol.FrameHeaderSize, length));
                start += Http2Protocol.FrameHeaderSize + length;
                if (start == end)
                {
                    start = end = 0;
                }
            }
        }
        catch (Exception ex)
        {
            WakeAll();
            Abort(ex as IOException ?? new IOException($"HTTP/2 connection failed: {ex.Message}", ex));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static int PayloadLength(byte[] buffer, int start) => (buffer[start] << 16) | (buffer[start + 1] << 8) | buffer[start + 2];

    private void ProcessFrame(byte type, byte flags, int streamId, ReadOnlySpan<byte> payload)
    {
        if (_continuationStream != 0 && type != Http2Protocol.Continuation)
        {
            throw ProtocolError("Expected a CONTINUATION frame.");
        }

        switch (type)
        {
            case Http2Protocol.Data:
                OnData(flags, streamId, payload);
                break;
            case Http2Protocol.Headers:
                OnHeaders(flags, streamId, payload);
                break;
            case Http2Protocol.Continuation:
                OnContinuation(flags, streamId, payload);
                break;
            case Http2Protocol.RstStream:
                if (payload.Length != 4)
                {
                    throw new HttpProtocolException(Http2Protocol.FrameSizeError, "RST_STREAM must be 4 bytes.", null);
                }

                Find(streamId)?.OnReset(BinaryPrimitives.ReadInt32BigEndian(payload));
                break;
            case Http2Protocol.Settings:
                OnSettings(flags, payload);
                break;
            case Http2Protocol.Ping:
                OnPing(flags, payload);
                break;
            case Http2Protocol.GoAway:
                OnGoAway(BinaryPrimitives.ReadInt32BigEndian(payload) & int.MaxValue, BinaryPrimitives.ReadInt32BigEndian(payload[4..]));
                break;
            case Http2Protocol.WindowUpdate:
                OnWindowUpdate(streamId, BinaryPrimitives.ReadInt32BigEndian(payload) & int.MaxValue);
                break;
            case Http2Protocol.PushPromise:
                throw ProtocolError("PUSH_PROMISE although SETTINGS_ENABLE_PUSH is 0.");
            default:
                break; // PRIORITY and unknown frame types are ignored (RFC 9113 §4.1, §5.5)
        }
    }

    private Http2Stream? Find(int streamId)
    {
        lock (_lock)
        {
            return _streams.GetValueOrDefault(streamId);
        }
    }

    private static ReadOnlySpan<byte> Unpad(byte flags, ReadOnlySpan<byte> payload)
    {
        if ((flags & Http2Protocol.Padded) == 0)
        {
            return payload;
        }

        var padding = payload.IsEmpty ? int.MaxValue : payload[0];
        return padding >= payload.Length ? throw ProtocolError("Padding longer than the frame.") : payload[1..^padding];
    }

    private void OnData(byte flags, int streamId, ReadOnlySpan<byte> payload)
    {
        _connectionReceived += payload.Length;
        if (_connectionReceived >= ConnectionWindow / 2)
        {
            SendWindowUpdate(0, (int)_connectionReceived);
            _connectionReceived = 0;
        }

        var stream = Find(streamId);
        if (stream is not null && !stream.OnData(Unpad(flags, payload), (flags & Http2Protocol.EndStream) != 0))
        {
            stream.Fail(new HttpProtocolException(Http2Protocol.FlowControlError, "The server overran the stream's flow-control window.", null));
            Reset(stream, Http2Protocol.FlowControlError);
        }
    }

    private void OnHeaders(byte flags, int streamId, ReadOnlySpan<byte> payload)
    {
        payload = Unpad(flags, payload);
        if ((flags & Http2Protocol.PriorityFlag) != 0)
        {
            payload = payload.Length >= 5 ? payload[5..] : throw ProtocolError("HEADERS priority fields missing.");
        }

        var endStream = (flags & Http2Protocol.EndStream) != 0;
        if ((flags & Http2Protocol.EndHeaders) != 0)
        {
            DeliverHeaders(streamId, payload, endStream);
            return;
        }

        _continuation.ResetWrittenCount();
        _continuation.Write(payload);
        _continuationStream = streamId;
        _continuationEndStream = endStream;
    }

    private void OnContinuation(byte flags, int streamId, ReadOnlySpan<byte> payload)
    {
        if (streamId != _continuationStream || streamId == 0)
        {
            throw ProtocolError("CONTINUATION for the wrong stream.");
        }

        _continuation.Write(payload);
        if ((flags & Http2Protocol.EndHeaders) != 0)
        {
            _continuationStream = 0;
            DeliverHeaders(streamId, _continuation.WrittenSpan, _continuationEndStream);
        }
    }

    /// <summary>Every block is decoded, even for a stream we forgot, to keep the HPACK dynamic table in step.</summary>
    private void DeliverHeaders(int streamId, ReadOnlySpan<byte> block, bool endStream)
    {
        _decoded.Clear();
        try
        {
            _decoder.Decode(block, _decoded);
        }
        catch (HpackException ex)
        {
            throw new HttpProtocolException(Http2Protocol.CompressionError, ex.Message, ex);
        }

        Find(streamId)?.OnHeaders(_decoded, endStream);
    }

    private static HttpProtocolException ProtocolError(string message) => new(Http2Protocol.ProtocolError, message, null);
}
