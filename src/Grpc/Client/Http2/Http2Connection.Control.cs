using System.Buffers.Binary;

namespace ActorTrading.Grpc.Http2;

/// <summary>Connection-level frames: SETTINGS, PING, GOAWAY, WINDOW_UPDATE.</summary>
internal sealed partial class Http2Connection
{
    private void OnSettings(byte flags, ReadOnlySpan<byte> payload)
    {
        if ((flags & Http2Protocol.Ack) != 0)
        {
            return;
        }

        if (payload.Length % 6 != 0)
        {
            throw new HttpProtocolException(Http2Protocol.FrameSizeError, "SETTINGS length is not a multiple of 6.", null);
        }

        lock (_lock)
        {
            for (var i = 0; i < payload.Length; i += 6)
            {
                var id = BinaryPrimitives.ReadUInt16BigEndian(payload[i..]);
                var value = BinaryPrimitives.ReadUInt32BigEndian(payload[(i + 2)..]);
                switch (id)
                {
                    case Http2Protocol.MaxConcurrentStreams:
                        _maxConcurrentStreams = (int)Math.Min(value, int.MaxValue);
                        break;
                    case Http2Protocol.InitialWindowSize:
                        if (value > Http2Protocol.MaxWindow)
                        {
                            throw new HttpProtocolException(Http2Protocol.FlowControlError, "SETTINGS_INITIAL_WINDOW_SIZE too large.", null);
                        }

                        var delta = (int)value - _peerInitialWindow;
                        _peerInitialWindow = (int)value;
                        foreach (var stream in _streams.Values)
                        {
                            stream.SendWindow += delta;
                        }

                        break;
                    case Http2Protocol.HeaderTableSize:
                        _encoderTable?.SetPeerMaxSize(value);
                        break;
                    case Http2Protocol.MaxFrameSize:
                        _peerMaxFrameSize = (int)Math.Clamp(value, Http2Protocol.DefaultMaxFrameSize, 16 * 1024 * 1024 - 1);
                        break;
                }
            }

            WriteFrame(0, Http2Protocol.Settings, Http2Protocol.Ack, 0);
        }

        _ = FlushAsync();
        WakeWindowWaiters();
    }

    private void OnPing(byte flags, ReadOnlySpan<byte> payload)
    {
        if (payload.Length != 8)
        {
            throw new HttpProtocolException(Http2Protocol.FrameSizeError, "PING must be 8 bytes.", null);
        }

        if ((flags & Http2Protocol.Ack) != 0)
        {
            return;
        }

        lock (_lock)
        {
            payload.CopyTo(WriteFrame(8, Http2Protocol.Ping, Http2Protocol.Ack, 0));
        }

        _ = FlushAsync();
    }

    /// <summary>No new streams here; streams above the last one the server processed failed and may be retried elsewhere.</summary>
    private void OnGoAway(int lastStreamId, int errorCode)
    {
        List<Http2Stream> refused = [];
        lock (_lock)
        {
            _draining = true;
            _lastStreamId = Math.Min(_lastStreamId, lastStreamId);
            foreach (var stream in _streams.Values)
            {
                if (stream.Id > _lastStreamId)
                {
                    refused.Add(stream);
                }
            }
        }

        foreach (var stream in refused)
        {
            stream.Fail(new HttpRequestException($"The server is shutting down the connection (GOAWAY {errorCode}); the call was not processed."));
            CloseLocal(stream, sendReset: false);
        }

        if (IsIdle)
        {
            _ = DisposeAsync().AsTask();
        }
    }

    private void OnWindowUpdate(int streamId, int increment)
    {
        if (increment == 0)
        {
            throw new HttpProtocolException(Http2Protocol.ProtocolError, "WINDOW_UPDATE with increment 0.", null);
        }

        lock (_lock)
        {
            if (streamId == 0)
            {
                _connectionSendWindow += increment;
            }
            else if (_streams.TryGetValue(streamId, out var stream))
            {
                stream.SendWindow += increment;
            }
        }

        WakeWindowWaiters();
    }
}
