using ActorTrading.Grpc.Tests.Infrastructure;
using Grpc.Health.V1;
using Microsoft.Extensions.DependencyInjection;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace ActorTrading.Grpc.Tests.Health;

public sealed class HealthServiceTests
{
    private static readonly Method<HealthCheckRequest, HealthCheckResponse> Check = Method.Create<HealthCheckRequest, HealthCheckResponse>(HealthService.Descriptor, "Check");
    private static readonly Method<HealthCheckRequest, HealthCheckResponse> Watch = Method.Create<HealthCheckRequest, HealthCheckResponse>(HealthService.Descriptor, "Watch");

    [Theory]
    [InlineData("")]
    [InlineData("actortrading.grpc.tests.TestService")]
    [InlineData("grpc.health.v1.Health")]
    public async Task Check_ServerAndBoundServices_Serving(string service)
    {
        await using var host = await GrpcTestHost.StartAsync(grpc: g => g.AddHealth());

        var response = await host.Client.UnaryAsync(Check, new HealthCheckRequest { Service = service });

        Assert.Equal(ServingStatus.Serving, response.Status);
    }

    [Fact]
    public async Task Check_UnknownService_NotFound()
    {
        await using var host = await GrpcTestHost.StartAsync(grpc: g => g.AddHealth());

        var ex = await Assert.ThrowsAsync<RpcException>(() => host.Client.UnaryAsync(Check, new HealthCheckRequest { Service = "nope" }));

        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
    }

    [Fact]
    public async Task Check_StatusSetToNotServing_ReportsNotServing()
    {
        await using var host = await GrpcTestHost.StartAsync(grpc: g => g.AddHealth());
        host.Services.GetRequiredService<HealthStatusRegistry>().SetStatus("", ServingStatus.NotServing);

        var response = await host.Client.UnaryAsync(Check, new HealthCheckRequest());

        Assert.Equal(ServingStatus.NotServing, response.Status);
    }

    [Fact]
    public async Task Watch_StatusChanges_StreamsCurrentThenEachChange()
    {
        await using var host = await GrpcTestHost.StartAsync(grpc: g => g.AddHealth());
        var registry = host.Services.GetRequiredService<HealthStatusRegistry>();

        using var call = host.Client.ServerStreaming(Watch, new HealthCheckRequest { Service = "later" });
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(ServingStatus.ServiceUnknown, call.ResponseStream.Current.Status);
        registry.SetStatus("later", ServingStatus.Serving);
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(ServingStatus.Serving, call.ResponseStream.Current.Status);
        registry.SetStatus("later", ServingStatus.NotServing);
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(ServingStatus.NotServing, call.ResponseStream.Current.Status);
    }
}
