using System.Buffers;
using ActorTrading.Grpc;
using BenchmarkDotNet.Attributes;
using Google.Protobuf;
using Grpc.Health.V1;
using Grpc.Reflection.V1;

namespace ActorTrading.Benchmarks.Grpc;

/// <summary>Writing one message frame: straight into an IBufferWriter (ours) vs ToByteArray then copy (the naive way).</summary>
[MemoryDiagnoser]
public class FrameWriteBenchmarks
{
    private readonly ArrayBufferWriter<byte> _output = new(64 * 1024);
    private IMessage _message = null!;

    [Params("small", "large")]
    public string Size { get; set; } = "small";

    [GlobalSetup]
    public void Setup() => _message = Size == "small" ? BenchMessages.Small() : BenchMessages.Large();

    [Benchmark(Baseline = true)]
    public int ToByteArrayThenCopy()
    {
        _output.ResetWrittenCount();
        var bytes = _message.ToByteArray();
        FrameCodec.WriteFrame(_output, 0, bytes);
        return _output.WrittenCount;
    }

    [Benchmark]
    public int WriteMessageIntoBufferWriter()
    {
        _output.ResetWrittenCount();
        FrameCodec.WriteMessage(_output, _message, null, int.MaxValue);
        return _output.WrittenCount;
    }

    [Benchmark]
    public int WriteMessageGzip()
    {
        _output.ResetWrittenCount();
        FrameCodec.WriteMessage(_output, _message, new GzipCompressionProvider(), int.MaxValue);
        return _output.WrittenCount;
    }
}

/// <summary>Inputs shared by the gRPC benchmarks.</summary>
internal static class BenchMessages
{
    public static HealthCheckResponse Small() => new() { Status = HealthCheckResponse.Types.ServingStatus.Serving };

    public static ServerReflectionResponse Large()
    {
        var response = new ServerReflectionResponse { ValidHost = "localhost", FileDescriptorResponse = new FileDescriptorResponse() };
        response.FileDescriptorResponse.FileDescriptorProto.Add(ReflectionReflection.Descriptor.SerializedData);
        response.FileDescriptorResponse.FileDescriptorProto.Add(HealthReflection.Descriptor.SerializedData);
        return response;
    }
}
