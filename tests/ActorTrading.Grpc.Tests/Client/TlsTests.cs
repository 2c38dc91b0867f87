using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ActorTrading.Grpc.Tests.Infrastructure;
using ActorTrading.Grpc.Tests.Protos;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace ActorTrading.Grpc.Tests.Client;

public sealed class TlsTests
{
    [Fact]
    public async Task UnaryAndGrpcWeb_OneTlsPort_BothServed()
    {
        using var certificate = CreateCertificate();
        await using var server = await OnePortServer.StartAsync(l =>
        {
            l.Protocols = HttpProtocols.Http1AndHttp2;
            l.UseHttps(certificate);
        });
        var address = server.Address;
        var handler = GrpcChannel.CreateDefaultHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, cert, _, _) => cert?.GetCertHashString() == certificate.GetCertHashString();
        using var channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions { HttpHandler = handler });

        var reply = await new GrpcClient(channel).UnaryAsync(TestMethods.Unary, new EchoRequest { Text = "tls" });
        using var http = new HttpClient(new SocketsHttpHandler { SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true } });
        using var web = await http.SendAsync(RawGrpc.Request(address, TestMethods.Unary.FullName, RawGrpc.Frame(new EchoRequest()),
            "application/grpc-web", HttpVersion.Version11));

        Assert.Equal("tls", reply.Text);
        Assert.Equal(HttpVersion.Version11, web.Version);
        Assert.Equal(HttpStatusCode.OK, web.StatusCode);
    }

    [Fact]
    public async Task UnaryAndGrpcWeb_OneTlsPortOnHttp2Handler_BothServed()
    {
        using var certificate = CreateCertificate();
        await using var server = await OnePortServer.StartAsync(l =>
        {
            l.Protocols = HttpProtocols.Http1AndHttp2;
            l.UseHttps(certificate);
        });
        var address = server.Address;
        var handler = GrpcChannel.CreateHttp2Handler(new ActorTrading.Grpc.Http2.Http2HandlerOptions
        {
            SslOptions = new System.Net.Security.SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, cert, _, _) => cert?.GetCertHashString() == certificate.GetCertHashString(),
            },
        });
        using var channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions { HttpHandler = handler });

        var reply = await new GrpcClient(channel).UnaryAsync(TestMethods.Unary, new EchoRequest { Text = "tls" });
        using var http = new HttpClient(new SocketsHttpHandler { SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true } });
        using var web = await http.SendAsync(RawGrpc.Request(address, TestMethods.Unary.FullName, RawGrpc.Frame(new EchoRequest()),
            "application/grpc-web", HttpVersion.Version11));

        Assert.Equal("tls", reply.Text);
        Assert.Equal(HttpVersion.Version11, web.Version);
        Assert.Equal(HttpStatusCode.OK, web.StatusCode);
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(cert.Export(X509ContentType.Pfx), null);
    }
}
