using System.Diagnostics;
using ActorTrading.Grpc;

namespace ActorTrading.Host.Metrics;

/// <summary>Counts every gRPC call by method and final status, and times it (outermost interceptor).</summary>
public sealed class MetricsInterceptor(NodeMetrics metrics) : ServerInterceptor
{
    public override async Task InterceptAsync(ServerCallContext context, ServerCallHandler next)
    {
        var start = Stopwatch.GetTimestamp();
        var status = "OK";
        try
        {
            await next(context).ConfigureAwait(false);
            if (context.Status.StatusCode != StatusCode.OK) status = context.Status.StatusCode.ToString().ToUpperInvariant();
        }
        catch (RpcException e)
        {
            status = e.StatusCode.ToString().ToUpperInvariant();
            throw;
        }
        catch (OperationCanceledException)
        {
            status = "CANCELLED";
            throw;
        }
        catch
        {
            status = "UNKNOWN";
            throw;
        }
        finally
        {
            metrics.CallCompleted(context.Method, status, start);
        }
    }
}
