namespace ActorTrading.Grpc.Interop.Framing;

/// <summary>
/// The compressed flag of each message one side of a call sent, in order, as recorded by <see cref="FrameSniffingStream"/>.
/// The interop CompressedRequest/CompressedResponse features need it and ActorTrading.Grpc does not expose per-message
/// flags (neither does Grpc.Core; grpc's own C++ interop server uses a test-only inspector for the same reason).
/// </summary>
public sealed class FrameFlags
{
    private readonly List<bool> _compressed = [];

    public int Count
    {
        get
        {
            lock (_compressed)
            {
                return _compressed.Count;
            }
        }
    }

    /// <summary>Whether message number <paramref name="index"/> (0-based) had the compressed flag set.</summary>
    public bool WasCompressed(int index)
    {
        lock (_compressed)
        {
            if (index >= _compressed.Count)
            {
                throw new InvalidOperationException($"Message {index} has not been seen yet ({_compressed.Count} frames so far).");
            }

            return _compressed[index];
        }
    }

    internal void Record(bool compressed)
    {
        lock (_compressed)
        {
            _compressed.Add(compressed);
        }
    }
}
