using ActorTrading.Grpc.Tests.Infrastructure;
using ActorTrading.Grpc.Tests.Protos;

namespace ActorTrading.Grpc.Tests.Client;

public sealed class ClientInterceptorTests
{
    [Fact]
    public async Task UnaryAsync_ChannelInterceptorAddsAuthorization_ServerSeesIt()
    {
        var hooks = new TestHooks { Unary = (_, context) => Task.FromResult(new EchoReply { Text = context.RequestHeaders.GetValue("authorization") ?? "" }) };
        await using var host = await GrpcTestHost.StartAsync(hooks: hooks);
        var options = new GrpcChannelOptions();
        options.Interceptors.Add(new BearerInterceptor("k1"));
        using var channel = GrpcChannel.ForAddress(host.Address, options);

        var reply = await new GrpcClient(channel).UnaryAsync(TestMethods.Unary, new EchoRequest());

        Assert.Equal("Bearer k1", reply.Text);
    }

    private sealed class BearerInterceptor(string key) : ClientInterceptor
    {
        public override CallOptions OnCall(string method, MethodType type, CallOptions options)
        {
            var headers = options.Headers ?? new Metadata();
            headers.Add("authorization", "Bearer " + key);
            return options with { Headers = headers };
        }
    }
}
