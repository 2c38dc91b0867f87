using System.Buffers;
using ActorTrading.Grpc;
using BenchmarkDotNet.Attributes;
using Google.Protobuf;
using Grpc.Health.V1;
using Grpc.Reflection.V1;

namespace ActorTrading.Benchmarks.Grpc;

/// <summary>
/// Reading one frame from a pipe-like multi-segment sequence: parse in place (ours) vs copy the payload to an array
/// and parse that (the naive way).
/// </summary>
[MemoryDiagnoser]
public class FrameReadBenchmarks
{
    private ReadOnlySequence<byte> _frame;

    [Params("small", "large")]
    public string Size { get; set; } = "small";

    [GlobalSetup]
    public void Setup()
    {
        IMessage message = Size == "small" ? BenchMessages.Small() : BenchMessages.Large();
        var output = new ArrayBufferWriter<byte>();
        FrameCodec.WriteMessage(output, message, null, int.MaxValue);
        _frame = Segments.Split(output.WrittenMemory, 3);
    }

    [Benchmark(Baseline = true)]
    public object CopyThenParse()
    {
        var buffer = _frame;
        FrameCodec.TryReadFrame(ref buffer, int.MaxValue, out _, out var payload);
        return Size == "small"
            ? HealthCheckResponse.Parser.ParseFrom(payload.ToArray())
            : ServerReflectionResponse.Parser.ParseFrom(payload.ToArray());
    }

    [Benchmark]
    public object ParseInPlace()
    {
        var buffer = _frame;
        FrameCodec.TryReadFrame(ref buffer, int.MaxValue, out var flags, out var payload);
        return Size == "small"
            ? FrameCodec.ReadMessage(HealthCheckResponse.Parser, flags, payload, null, int.MaxValue)
            : FrameCodec.ReadMessage(ServerReflectionResponse.Parser, flags, payload, null, int.MaxValue);
    }
}
