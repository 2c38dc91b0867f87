using ActorTrading.Grpc.Tests.Infrastructure;
using ActorTrading.Grpc.Tests.Protos;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ActorTrading.Grpc.Tests.Client;

public sealed class HttpStatusMappingTests
{
    [Theory]
    [InlineData(400, StatusCode.Internal)]
    [InlineData(401, StatusCode.Unauthenticated)]
    [InlineData(403, StatusCode.PermissionDenied)]
    [InlineData(404, StatusCode.Unimplemented)]
    [InlineData(429, StatusCode.Unavailable)]
    [InlineData(502, StatusCode.Unavailable)]
    [InlineData(503, StatusCode.Unavailable)]
    [InlineData(504, StatusCode.Unavailable)]
    [InlineData(500, StatusCode.Unknown)]
    [InlineData(418, StatusCode.Unknown)]
    public async Task UnaryAsync_PlainServerAnswersHttpError_MappedToGrpcCode(int httpStatus, StatusCode expected)
    {
        await using var app = await StartPlainAsync(context =>
        {
            context.Response.StatusCode = httpStatus;
            return Task.CompletedTask;
        });
        using var channel = GrpcChannel.ForAddress(Address(app));

        var ex = await Assert.ThrowsAsync<RpcException>(() => new GrpcClient(channel).UnaryAsync(TestMethods.Unary, new EchoRequest()));

        Assert.Equal(expected, ex.StatusCode);
        Assert.Contains(httpStatus.ToString(System.Globalization.CultureInfo.InvariantCulture), ex.Status.Detail);
    }

    [Fact]
    public async Task UnaryAsync_Http200WithHtml_UnknownNamingTheContentType()
    {
        await using var app = await StartPlainAsync(context =>
        {
            context.Response.ContentType = "text/html";
            return context.Response.WriteAsync("<html/>");
        });
        using var channel = GrpcChannel.ForAddress(Address(app));

        var ex = await Assert.ThrowsAsync<RpcException>(() => new GrpcClient(channel).UnaryAsync(TestMethods.Unary, new EchoRequest()));

        Assert.Equal(StatusCode.Unknown, ex.StatusCode);
        Assert.Contains("text/html", ex.Status.Detail);
    }

    [Fact]
    public async Task UnaryAsync_NothingListening_Unavailable()
    {
        var app = await StartPlainAsync(_ => Task.CompletedTask);
        var address = Address(app);
        await app.DisposeAsync();
        using var channel = GrpcChannel.ForAddress(address);

        var ex = await Assert.ThrowsAsync<RpcException>(() => new GrpcClient(channel).UnaryAsync(TestMethods.Unary, new EchoRequest()));

        Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
    }

    private static Uri Address(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    private static async Task<WebApplication> StartPlainAsync(RequestDelegate handler)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        var app = builder.Build();
        app.Run(handler);
        await app.StartAsync();
        return app;
    }
}
