using ActorTrading.Host.Composition;
using ActorTrading.Host.Metrics;

namespace ActorTrading.Host.Http;

/// <summary>GET /health/live, GET /health/ready, GET /metrics (Prometheus text), and the webhook.</summary>
public static class NodeEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/health/live", () => Results.Text("live\n"));
        app.MapGet("/health/ready", async (Readiness readiness, NodeStorage storage, CancellationToken ct) =>
        {
            var problems = await readiness.ProblemsAsync(ct).ConfigureAwait(false);
            var body = new { ready = problems.Count == 0, problems, storage = storage.Describe(), degraded = storage.IsDegraded };
            return Results.Json(body, statusCode: problems.Count == 0 ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
        app.MapGet("/metrics", (PrometheusExporter exporter) =>
            Results.Text(exporter.Scrape(), "text/plain; version=0.0.4; charset=utf-8"));
        WebhookEndpoint.Map(app);
    }
}
