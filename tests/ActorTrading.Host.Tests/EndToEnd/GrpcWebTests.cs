using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ActorTrading.Api.V1;
using Google.Protobuf;

namespace ActorTrading.Host.Tests.EndToEnd;

/// <summary>
/// A browser's gRPC-Web call (HTTP/1.1, application/grpc-web+proto) reaches the node on its gRPC port, the same port
/// that serves h2c gRPC to the other clients.
/// </summary>
public sealed class GrpcWebTests(EmbeddedNodeFixture fixture) : IClassFixture<EmbeddedNodeFixture>
{
    private NodeProcess Node => fixture.Node;

    [Fact]
    public async Task GrpcWeb_Http1OnTheGrpcPort_AnswersListSymbols()
    {
        using var http = new HttpClient();
        var request = ListSymbols("application/grpc-web+proto", new ListSymbolsRequest().ToByteArray());
        request.Headers.Add("x-grpc-web", "1");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", NodeProcess.AdminKey);

        using var response = await http.SendAsync(request).WaitAsync(TimeSpan.FromSeconds(30));
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpVersion.Version11, response.Version);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (message, trailers) = Split(body);
        Assert.Contains("grpc-status:0", trailers, StringComparison.Ordinal);
        Assert.Contains(ListSymbolsResponse.Parser.ParseFrom(message).Symbols, s => s.Symbol == "NSE:ICICIBANK");
    }

    [Fact]
    public async Task GrpcWeb_WithoutKey_AnswersUnauthenticatedInTrailers()
    {
        using var http = new HttpClient();
        var request = ListSymbols("application/grpc-web", []);

        using var response = await http.SendAsync(request).WaitAsync(TimeSpan.FromSeconds(30));
        var status = response.Headers.TryGetValues("grpc-status", out var v) ? v.Single()
            : Split(await response.Content.ReadAsByteArrayAsync()).Trailers;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("16", status, StringComparison.Ordinal);
    }

    /// <summary>An HTTP/1.1 gRPC-Web POST of MarketData/ListSymbols carrying <paramref name="message"/> in one data frame.</summary>
    private HttpRequestMessage ListSymbols(string contentType, byte[] message)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Node.GrpcUrl + "/actortrading.v1.MarketData/ListSymbols")
        {
            Version = HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(Frame(0, message)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return request;
    }

    private static byte[] Frame(byte flags, byte[] payload)
    {
        var frame = new byte[5 + payload.Length];
        frame[0] = flags;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)payload.Length);
        payload.CopyTo(frame, 5);
        return frame;
    }

    /// <summary>A gRPC-Web body: data frames (flag 0x00) then one trailer frame (flag 0x80, HTTP/1 header lines).</summary>
    private static (byte[] Message, string Trailers) Split(byte[] body)
    {
        byte[] message = [];
        var trailers = "";
        for (var at = 0; at + 5 <= body.Length;)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(at + 1));
            var payload = body.AsSpan(at + 5, length).ToArray();
            if ((body[at] & 0x80) != 0) trailers = Encoding.ASCII.GetString(payload);
            else message = payload;
            at += 5 + length;
        }
        return (message, trailers);
    }
}
