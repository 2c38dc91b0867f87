using Grpc.Health.V1;
using Grpc.Testing;

namespace ActorTrading.Grpc.Interop.Client;

/// <summary>Default 4 MiB receive limits on both sides, and grpc.health.v1.</summary>
internal sealed partial class InteropClient
{
    private const int FourMiB = 4 * 1024 * 1024;
    private static readonly Method<HealthCheckRequest, HealthCheckResponse> HealthCheckMethod =
        Method.Create<HealthCheckRequest, HealthCheckResponse>(HealthReflection.Descriptor.Services[0], "Check");

    /// <summary>The server's default 4 MiB receive limit rejects a bigger request; the channel keeps working.</summary>
    public async Task MaxRequestSize()
    {
        var request = new SimpleRequest { ResponseSize = 1, Payload = Zeros(FourMiB + 1) };
        await Check.StatusAsync(StatusCode.ResourceExhausted, () => Client.UnaryAsync(UnaryCallMethod, request, Guarded())).ConfigureAwait(false);
        await EmptyUnary().ConfigureAwait(false);
    }

    /// <summary>Our client's default 4 MiB receive limit rejects a bigger response; the channel keeps working.</summary>
    public async Task MaxResponseSize()
    {
        var request = new SimpleRequest { ResponseSize = FourMiB + 1 };
        await Check.StatusAsync(StatusCode.ResourceExhausted, () => Client.UnaryAsync(UnaryCallMethod, request, Guarded())).ConfigureAwait(false);
        await EmptyUnary().ConfigureAwait(false);
    }

    public async Task HealthCheck()
    {
        foreach (var service in new[] { "", "grpc.testing.TestService" })
        {
            var response = await Client.UnaryAsync(HealthCheckMethod, new HealthCheckRequest { Service = service }, Guarded()).ConfigureAwait(false);
            Check.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status, $"health of '{service}'");
        }

        await Check.StatusAsync(StatusCode.NotFound,
            () => Client.UnaryAsync(HealthCheckMethod, new HealthCheckRequest { Service = "grpc.testing.NoSuchService" }, Guarded())).ConfigureAwait(false);
    }
}
