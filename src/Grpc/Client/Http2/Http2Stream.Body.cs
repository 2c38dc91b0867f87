using System.Buffers;

namespace ActorTrading.Grpc.Http2;

/// <summary>The received body: DATA payloads copied into a pooled buffer by the reader loop, read out by the caller.</summary>
internal sealed partial class Http2Stream : Stream
{
    private byte[] _data = [];
    private int _dataStart;
    private int _dataEnd;
    private int _consumedSinceUpdate;
    private TaskCompletionSource? _dataWaiter;
    private bool _disposed;

    /// <summary>END_STREAM arrived from the server (under <c>this</c>).</summary>
    public bool RemoteEnded { get; private set; }

    private bool ReceivedAll => _dataStart == _dataEnd;

    /// <summary>A DATA payload (reader loop). False when the stream overran the window we gave it.</summary>
    public bool OnData(ReadOnlySpan<byte> payload, bool endStream)
    {
        lock (this)
        {
            if (_disposed || Error is not null)
            {
                return true;
            }

            if (_dataEnd + payload.Length > _data.Length)
            {
                var live = _dataEnd - _dataStart;
                if (live + payload.Length > Connection.StreamReceiveWindow)
                {
                    return false;
                }

                var target = _data.Length >= live + payload.Length ? _data : ArrayPool<byte>.Shared.Rent(Math.Max(4096, live + payload.Length));
                Buffer.BlockCopy(_data, _dataStart, target, 0, live);
                if (!ReferenceEquals(target, _data))
                {
                    Return();
                    _data = target;
                }

                _dataStart = 0;
                _dataEnd = live;
            }

            payload.CopyTo(_data.AsSpan(_dataEnd));
            _dataEnd += payload.Length;
        }

        if (endStream)
        {
            OnRemoteEnd();
        }
        else
        {
            Connection.QueueWake(this);
        }

        return true;
    }

    /// <summary>END_STREAM (reader loop): the caller is woken at the end of the batch.</summary>
    private void OnRemoteEnd()
    {
        lock (this)
        {
            RemoteEnded = true;
        }

        Connection.QueueWake(this);
        Connection.OnRemoteEnd(this);
    }

    /// <summary>A pending body read re-checks the stream (on the thread pool): disposed or failed.</summary>
    private void WakeReader()
    {
        bool waiting;
        lock (this)
        {
            waiting = _dataWaiter is not null;
        }

        if (waiting)
        {
            Schedule();
        }
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            Task wait;
            lock (this)
            {
                if (_dataEnd > _dataStart)
                {
                    var count = Math.Min(buffer.Length, _dataEnd - _dataStart);
                    _data.AsSpan(_dataStart, count).CopyTo(buffer.Span);
                    _dataStart += count;
                    _consumedSinceUpdate += count;
                    if (_consumedSinceUpdate >= Connection.StreamReceiveWindow / 2 && !RemoteEnded)
                    {
                        Connection.SendWindowUpdate(Id, _consumedSinceUpdate);
                        _consumedSinceUpdate = 0;
                    }

                    return count;
                }

                if (Error is { } error)
                {
                    throw error is OperationCanceledException oce ? new OperationCanceledException(oce.Message, oce, oce.CancellationToken)
                        : error is IOException ? error : new IOException(error.Message, error);
                }

                if (RemoteEnded || _disposed)
                {
                    return 0;
                }

                wait = (_dataWaiter ??= new TaskCompletionSource()).Task; // completed only by Deliver (see Http2Stream)
            }

            if (cancellationToken.CanBeCanceled)
            {
                await using (cancellationToken.UnsafeRegister(static (s, t) => ((Http2Stream)s!).Cancel(new OperationCanceledException(t)), this))
                {
                    await wait.ConfigureAwait(false);
                }
            }
            else
            {
                await wait.ConfigureAwait(false);
            }
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    protected override void Dispose(bool disposing)
    {
        bool completed;
        lock (this)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            completed = RemoteEnded && Error is null;
            Return();
        }

        if (!completed)
        {
            Cancel(new OperationCanceledException("The response was disposed before it ended."));
        }
        else
        {
            Connection.CloseLocal(this, sendReset: !LocalClosed);
        }

        WakeReader();
    }

    private void Return()
    {
        if (_data.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_data);
            _data = [];
        }
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
