using System.Buffers;

namespace ActorTrading.Benchmarks.Grpc;

/// <summary>Builds a multi-segment sequence, as a PipeReader hands out after several network reads.</summary>
internal sealed class Segments : ReadOnlySequenceSegment<byte>
{
    private Segments(ReadOnlyMemory<byte> memory, long runningIndex)
    {
        Memory = memory;
        RunningIndex = runningIndex;
    }

    public static ReadOnlySequence<byte> Split(ReadOnlyMemory<byte> data, int parts)
    {
        var size = Math.Max(1, data.Length / parts);
        var first = new Segments(data[..Math.Min(size, data.Length)], 0);
        var last = first;
        for (var offset = size; offset < data.Length; offset += size)
        {
            var next = new Segments(data.Slice(offset, Math.Min(size, data.Length - offset)), offset);
            last.Next = next;
            last = next;
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }
}
