using System.Buffers;
using System.Text;
using ActorTrading.Grpc;
using ActorTrading.Grpc.Http2;
using BenchmarkDotNet.Attributes;

namespace ActorTrading.Benchmarks.Grpc;

/// <summary>
/// The new client transport's header paths: decoding a gRPC response header block as Kestrel sends it (static
/// indices + plain literals, the baseline) and as grpc-js/nghttp2 send it (Huffman literals added to the dynamic
/// table, then indexed), and encoding a request block from an HttpRequestMessage (handler path) or a RequestHead
/// (the direct path).
/// </summary>
[MemoryDiagnoser]
public class HpackBenchmarks
{
    private readonly List<KeyValuePair<string, string>> _headers = new(16);
    private readonly ArrayBufferWriter<byte> _output = new(512);
    private readonly HttpRequestMessage _request = new(HttpMethod.Post, "http://127.0.0.1:5000/grpc.health.v1.Health/Check");
    private byte[] _plain = [];
    private byte[] _huffman = [];
    private byte[] _indexed = [];
    private HpackDecoder _dynamic = new();
    private HpackEncoderTable _table = new();
    private HpackEncoderTable _headTable = new();
    private readonly RequestHead _head = new("/grpc.health.v1.Health/Check", "grpc-actortrading/1.0", "identity,gzip,deflate", null, null, null);

    [GlobalSetup]
    public void Setup()
    {
        _plain = Block(false, false, (8, null, null), (31, null, "application/grpc"), (0, "grpc-status", "0"), (0, "grpc-message", ""));
        (int, string?, string?)[] grpcJs = [(8, null, null), (31, null, "application/grpc+proto"), (0, "grpc-status", "0"), (0, "grpc-accept-encoding", "identity,deflate,gzip")];
        _huffman = Block(true, false, grpcJs);
        _indexed = [0x88, 0xBF, 0xBE, 0xBD]; // :status 200 and the three dynamic entries the Huffman block added
        _dynamic = new HpackDecoder();
        _dynamic.Decode(Block(true, true, grpcJs), []);
        _request.Headers.TryAddWithoutValidation("te", "trailers");
        _request.Headers.TryAddWithoutValidation("user-agent", "grpc-actortrading/1.0");
        _request.Headers.TryAddWithoutValidation("grpc-accept-encoding", "identity,gzip,deflate");
        _request.Content = new ByteArrayContent([]);
        _request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/grpc");
        _table = new HpackEncoderTable();
        Http2RequestHeaders.Encode(_output, _request, "http", "127.0.0.1:5000", _table);
        _headTable = new HpackEncoderTable();
        Http2RequestHeaders.Encode(_output, _head, "http", "127.0.0.1:5000", _headTable);
    }

    [Benchmark(Baseline = true)]
    public int DecodePlainLiterals()
    {
        _headers.Clear();
        new HpackDecoder().Decode(_plain, _headers);
        return _headers.Count;
    }

    [Benchmark]
    public int DecodeHuffmanLiterals()
    {
        _headers.Clear();
        new HpackDecoder().Decode(_huffman, _headers);
        return _headers.Count;
    }

    [Benchmark]
    public int DecodeDynamicIndexed()
    {
        _headers.Clear();
        _dynamic.Decode(_indexed, _headers);
        return _headers.Count;
    }

    [Benchmark]
    public int EncodeRequestHeaders()
    {
        _output.ResetWrittenCount();
        Http2RequestHeaders.Encode(_output, _request, "http", "127.0.0.1:5000");
        return _output.WrittenCount;
    }

    /// <summary>The same request with the connection's dynamic table warm: every field is a one-byte index.</summary>
    [Benchmark]
    public int EncodeRequestHeadersIndexed()
    {
        _output.ResetWrittenCount();
        Http2RequestHeaders.Encode(_output, _request, "http", "127.0.0.1:5000", _table);
        return _output.WrittenCount;
    }

    /// <summary>The same fields from a call's <see cref="RequestHead"/> (the direct path, no HttpRequestMessage), all literals.</summary>
    [Benchmark]
    public int EncodeRequestHead()
    {
        _output.ResetWrittenCount();
        Http2RequestHeaders.Encode(_output, _head, "http", "127.0.0.1:5000");
        return _output.WrittenCount;
    }

    /// <summary>The direct path with the dynamic table warm (what every call after the first sends).</summary>
    [Benchmark]
    public int EncodeRequestHeadIndexed()
    {
        _output.ResetWrittenCount();
        Http2RequestHeaders.Encode(_output, _head, "http", "127.0.0.1:5000", _headTable);
        return _output.WrittenCount;
    }

    /// <summary>A block of (index, name, value): value null = indexed field; else a literal (with or without indexing).</summary>
    private static byte[] Block(bool huffman, bool indexing, params (int Index, string? Name, string? Value)[] fields)
    {
        var output = new ArrayBufferWriter<byte>();
        foreach (var (index, name, value) in fields)
        {
            if (value is null)
            {
                HpackEncoder.WriteInteger(output, 0x80, 7, index);
                continue;
            }

            HpackEncoder.WriteInteger(output, indexing ? (byte)0x40 : (byte)0x00, indexing ? 6 : 4, index);
            if (name is not null)
            {
                AddString(output, name, huffman);
            }

            AddString(output, value, huffman);
        }

        return output.WrittenSpan.ToArray();
    }

    private static void AddString(ArrayBufferWriter<byte> output, string text, bool huffman)
    {
        var raw = Encoding.ASCII.GetBytes(text);
        var data = huffman ? Huffman.Encode(raw) : raw;
        HpackEncoder.WriteInteger(output, huffman ? (byte)0x80 : (byte)0, 7, data.Length);
        output.Write(data);
    }
}
