using System.Net;
using System.Net.Sockets;
using ActorTrading.Grpc.Tests.Infrastructure;
using ActorTrading.Grpc.Tests.Protos;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace ActorTrading.Grpc.Tests.GrpcWeb;

/// <summary>One cleartext Http1AndHttp2 port: h2c prior knowledge (gRPC) and HTTP/1.1 (gRPC-Web) side by side.</summary>
public sealed class CleartextSharedPortTests
{
    [Fact]
    public async Task GrpcAndGrpcWeb_OneCleartextHttp1AndHttp2Port_BothServed()
    {
        await using var server = await OnePortServer.StartAsync(l => l.UseGrpcCleartextSharedPort());
        var address = server.Address;
        using var channel = GrpcChannel.ForAddress(address);
        using var http = RawGrpc.Client();

        var reply = await new GrpcClient(channel).UnaryAsync(TestMethods.Unary, new EchoRequest { Text = "h2c" }).WaitAsync(TimeSpan.FromSeconds(30));
        using var web = await http.SendAsync(RawGrpc.Request(address, TestMethods.Unary.FullName, RawGrpc.Frame(new EchoRequest()),
            "application/grpc-web", HttpVersion.Version11));

        Assert.Equal("h2c", reply.Text);
        Assert.Equal(HttpVersion.Version11, web.Version);
        Assert.Equal(HttpStatusCode.OK, web.StatusCode);
    }

    [Fact]
    public async Task SilentConnection_PastThePrefaceTimeout_IsClosed()
    {
        await using var server = await OnePortServer.StartAsync(l => l.UseGrpcCleartextSharedPort(TimeSpan.FromMilliseconds(200)));
        var address = server.Address;
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Loopback, address.Port);

        var read = await socket.ReceiveAsync(new byte[16], SocketFlags.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, read); // the server closed the connection that never spoke
    }

    [Fact]
    public void UseGrpcCleartextSharedPort_NonPositiveTimeout_Throws()
    {
        var kestrel = new KestrelServerOptions();
        ArgumentOutOfRangeException? error = null;
        kestrel.Listen(IPAddress.Loopback, 0, l => error = Record.Exception(() => l.UseGrpcCleartextSharedPort(TimeSpan.Zero)) as ArgumentOutOfRangeException);
        Assert.NotNull(error);
    }
}
