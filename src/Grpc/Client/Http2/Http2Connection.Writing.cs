using System.Buffers;
using System.Buffers.Binary;

namespace ActorTrading.Grpc.Http2;

/// <summary>
/// The single writer: frames are appended to <see cref="_pending"/> under the lock; whoever finds no flush running
/// becomes the flusher and writes everything pending in one socket write, looping while others keep appending. So 16
/// calls in flight share writes instead of each paying a syscall.
/// </summary>
internal sealed partial class Http2Connection
{
    private ArrayBufferWriter<byte> _pending = new(16 * 1024);
    private ArrayBufferWriter<byte> _sending = new(16 * 1024);
    private readonly ArrayBufferWriter<byte> _headerBlock = new(1024);
    private readonly HpackEncoderTable? _encoderTable;
    private readonly bool _coalesceWrites;
    private bool _flushing;
    private bool _flushQueued;
    private int _nextStreamId = 1;
    private long _connectionSendWindow = Http2Protocol.DefaultWindow;
    private int _peerInitialWindow = Http2Protocol.DefaultWindow;
    private int _peerMaxFrameSize = Http2Protocol.DefaultMaxFrameSize;
    private TaskCompletionSource? _windowWaiter;

    private async Task StartAsync()
    {
        lock (_lock)
        {
            Http2Protocol.Preface.CopyTo(_pending.GetSpan(24));
            _pending.Advance(24);
            var settings = WriteFrame(12, Http2Protocol.Settings, 0, 0);
            WriteSetting(settings, Http2Protocol.EnablePush, 0);
            WriteSetting(settings[6..], Http2Protocol.InitialWindowSize, (uint)StreamReceiveWindow);
            WriteWindowUpdateFrame(0, ConnectionWindow - Http2Protocol.DefaultWindow);
        }

        await FlushAsync().ConfigureAwait(false);
        if (_closedError is { } error)
        {
            throw new HttpRequestException(error.Message, error);
        }

        _ = Task.Run(ReadLoopAsync);
    }

    private static void WriteSetting(Span<byte> destination, ushort id, uint value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(destination, id);
        BinaryPrimitives.WriteUInt32BigEndian(destination[2..], value);
    }

    /// <summary>Appends a frame header and returns the payload span to fill (under the lock).</summary>
    private Span<byte> WriteFrame(int length, byte type, byte flags, int streamId)
    {
        var span = _pending.GetSpan(Http2Protocol.FrameHeaderSize + length);
        Http2Protocol.WriteFrameHeader(span, length, type, flags, streamId);
        _pending.Advance(Http2Protocol.FrameHeaderSize + length);
        return span.Slice(Http2Protocol.FrameHeaderSize, length);
    }

    private void WriteWindowUpdateFrame(int streamId, int increment) =>
        BinaryPrimitives.WriteInt32BigEndian(WriteFrame(4, Http2Protocol.WindowUpdate, 0, streamId), increment);

    /// <summary>
    /// Opens a stream: HEADERS (+ CONTINUATION), then as much of <paramref name="body"/> as the windows allow, all in one
    /// write. Returns how many body bytes went out; the caller sends the rest with <see cref="WriteDataAsync"/>.
    /// </summary>
    public int StartStream(Http2Stream stream, ReadOnlySpan<byte> body, bool endStream)
    {
        int sent;
        lock (_lock)
        {
            if (_closedError is { } error)
            {
                _reserved--;
                throw new HttpRequestException(error.Message, error);
            }

            _headerBlock.ResetWrittenCount();
            try
            {
                stream.EncodeRequestHeaders(_headerBlock, Scheme, Authority, _encoderTable);
            }
            catch
            {
                _reserved--;
                throw;
            }

            stream.Id = _nextStreamId;
            _nextStreamId += 2;
            stream.SendWindow = _peerInitialWindow;
            _streams.Add(stream.Id, stream);
            var headersEnd = endStream && body.IsEmpty;
            WriteHeaderFrames(stream.Id, _headerBlock.WrittenSpan, headersEnd);
            sent = headersEnd ? 0 : WriteDataFrames(stream, body, endStream);
            if (headersEnd)
            {
                stream.LocalClosed = true;
            }

            if (_coalesceWrites && _streams.Count > 1)
            {
                // Others are in flight: their callers are likely starting calls right now too. One queued flush
                // writes them all; when a flush is already running or queued, it takes these frames along. The global
                // queue, not this thread's: a caller that goes on with synchronous work must not hold its request back.
                if (!_flushing && !_flushQueued)
                {
                    _flushQueued = true;
                    ThreadPool.UnsafeQueueUserWorkItem(static c => c.RunQueuedFlush(), this, preferLocal: false);
                }

                return sent;
            }
        }

        _ = FlushAsync();
        return sent;
    }

    private void RunQueuedFlush()
    {
        lock (_lock)
        {
            _flushQueued = false;
        }

        _ = FlushAsync();
    }

    private void WriteHeaderFrames(int streamId, ReadOnlySpan<byte> block, bool endStream)
    {
        var first = Math.Min(block.Length, _peerMaxFrameSize);
        var flags = (byte)((endStream ? Http2Protocol.EndStream : 0) | (first == block.Length ? Http2Protocol.EndHeaders : 0));
        block[..first].CopyTo(WriteFrame(first, Http2Protocol.Headers, flags, streamId));
        block = block[first..];
        while (!block.IsEmpty)
        {
            var size = Math.Min(block.Length, _peerMaxFrameSize);
            block[..size].CopyTo(WriteFrame(size, Http2Protocol.Continuation, size == block.Length ? Http2Protocol.EndHeaders : (byte)0, streamId));
            block = block[size..];
        }
    }

    /// <summary>DATA frames within the windows (under the lock); END_STREAM only when all of it fits.</summary>
    private int WriteDataFrames(Http2Stream stream, ReadOnlySpan<byte> data, bool endStream)
    {
        var sent = 0;
        while (true)
        {
            var allowed = (int)Math.Min(Math.Min(stream.SendWindow, _connectionSendWindow), _peerMaxFrameSize);
            var size = Math.Min(data.Length - sent, Math.Max(allowed, 0));
            var last = sent + size == data.Length;
            if (size == 0 && !(last && endStream))
            {
                return sent;
            }

            var end = last && endStream;
            data.Slice(sent, size).CopyTo(WriteFrame(size, Http2Protocol.Data, end ? Http2Protocol.EndStream : (byte)0, stream.Id));
            sent += size;
            stream.SendWindow -= size;
            _connectionSendWindow -= size;
            if (end)
            {
                stream.LocalClosed = true;
                return sent;
            }

            if (last)
            {
                return sent;
            }
        }
    }

    /// <summary>Sends body bytes, waiting for WINDOW_UPDATEs as needed; END_STREAM with the last of them.</summary>
    public async ValueTask WriteDataAsync(Http2Stream stream, ReadOnlyMemory<byte> data, bool endStream, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task? wait = null;
            lock (_lock)
            {
                if ((stream.Error ?? _closedError) is { } error)
                {
                    throw error as IOException ?? new IOException(error.Message, error);
                }

                if (stream.LocalClosed)
                {
                    throw new IOException("The request stream is closed: the call has ended.");
                }

                var sent = WriteDataFrames(stream, data.Span, endStream);
                data = data[sent..];
                if (data.IsEmpty && (!endStream || stream.LocalClosed))
                {
                    break;
                }

                wait = (_windowWaiter ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
            }

            await FlushAsync().ConfigureAwait(false);
            await wait.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        await FlushAsync().ConfigureAwait(false);
        if (stream.LocalClosed && stream.RemoteEnded)
        {
            Forget(stream);
        }
    }

    private void WakeWindowWaiters()
    {
        TaskCompletionSource? waiter;
        lock (_lock)
        {
            waiter = _windowWaiter;
            _windowWaiter = null;
        }

        waiter?.TrySetResult();
    }

    /// <summary>RST_STREAM for a stream we give up on (once), then forget it.</summary>
    public void Reset(Http2Stream stream, int errorCode)
    {
        lock (_lock)
        {
            if (stream.Id == 0 || _closedError is not null || !_streams.ContainsKey(stream.Id))
            {
                stream.LocalClosed = true;
                return;
            }

            stream.LocalClosed = true;
            BinaryPrimitives.WriteInt32BigEndian(WriteFrame(4, Http2Protocol.RstStream, 0, stream.Id), errorCode);
        }

        _ = FlushAsync();
        Forget(stream);
        WakeWindowWaiters();
    }

    public void SendWindowUpdate(int streamId, int increment)
    {
        lock (_lock)
        {
            if (_closedError is not null)
            {
                return;
            }

            WriteWindowUpdateFrame(streamId, increment);
        }

        _ = FlushAsync();
    }

    /// <summary>Writes everything pending unless another caller is already doing so. Never throws: a failed write aborts the connection.</summary>
    public ValueTask FlushAsync()
    {
        lock (_lock)
        {
            if (_flushing || _pending.WrittenCount == 0)
            {
                return default;
            }

            _flushing = true;
        }

        return FlushLoopAsync();
    }

    private async ValueTask FlushLoopAsync()
    {
        try
        {
            while (true)
            {
                ArrayBufferWriter<byte> batch;
                lock (_lock)
                {
                    if (_pending.WrittenCount == 0 || _closedError is not null)
                    {
                        _flushing = false;
                        return;
                    }

                    batch = _pending;
                    _pending = _sending;
                    _sending = batch;
                }

                await _transport.WriteAsync(batch.WrittenMemory).ConfigureAwait(false);
                batch.ResetWrittenCount();
            }
        }
        catch (Exception ex)
        {
            lock (_lock)
            {
                _flushing = false;
            }

            Abort(new IOException($"Writing to the HTTP/2 connection failed: {ex.Message}", ex));
        }
    }
}
