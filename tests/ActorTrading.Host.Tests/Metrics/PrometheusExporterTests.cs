using System.Diagnostics;
using System.Diagnostics.Metrics;
using ActorTrading.Host.Metrics;

namespace ActorTrading.Host.Tests.Metrics;

public sealed class PrometheusExporterTests
{
    [Fact]
    public void Scrape_CounterHistogramAndGauge_RendersTheTextFormat()
    {
        using var exporter = new PrometheusExporter();
        using var meter = new Meter("ActorTrading.ExporterTest." + Guid.NewGuid().ToString("N"));
        var counter = meter.CreateCounter<long>("test.orders", description: "orders");
        var histogram = meter.CreateHistogram<double>("test.latency", "s", "latency");
        var depth = 7;
        meter.CreateObservableGauge("test.depth", () => depth);
        counter.Add(2, new KeyValuePair<string, object?>("outcome", "FILLED"));
        counter.Add(3, new KeyValuePair<string, object?>("outcome", "FILLED"));
        counter.Add(1, new KeyValuePair<string, object?>("outcome", "DENIED\"x"));
        histogram.Record(0.00003);
        histogram.Record(0.2);
        var text = exporter.Scrape();
        Assert.Contains("# TYPE test_orders_total counter\n", text, StringComparison.Ordinal);
        Assert.Contains("test_orders_total{outcome=\"FILLED\"} 5\n", text, StringComparison.Ordinal);
        Assert.Contains("test_orders_total{outcome=\"DENIED\\\"x\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE test_latency_seconds histogram\n", text, StringComparison.Ordinal);
        Assert.Contains("test_latency_seconds_bucket{le=\"5E-05\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("test_latency_seconds_bucket{le=\"0.25\"} 2\n", text, StringComparison.Ordinal);
        Assert.Contains("test_latency_seconds_bucket{le=\"+Inf\"} 2\n", text, StringComparison.Ordinal);
        Assert.Contains("test_latency_seconds_count 2\n", text, StringComparison.Ordinal);
        Assert.Contains("test_depth 7\n", text, StringComparison.Ordinal);
        depth = 9;
        Assert.Contains("test_depth 9\n", exporter.Scrape(), StringComparison.Ordinal);
    }

    [Fact]
    public void Scrape_SameTagsInAnyOrderOrMoreThanThree_AddUpInOneSeriesEach()
    {
        using var exporter = new PrometheusExporter();
        using var meter = new Meter("ActorTrading.ExporterTest." + Guid.NewGuid().ToString("N"));
        var calls = meter.CreateCounter<long>("test.calls");
        KeyValuePair<string, object?> Tag(string k, object? v) => new(k, v);
        calls.Add(1, Tag("method", "a"), Tag("status", "OK"));
        calls.Add(2, Tag("status", "OK"), Tag("method", "a"));
        calls.Add(4, Tag("method", "a"), Tag("status", "INTERNAL"));
        calls.Add(8, Tag("method", "b"));
        calls.Add(16, Tag("method", "b"), Tag("status", null));
        var four = new TagList { { "d", 4 }, { "c", "x" }, { "b", 2 }, { "a", "y" } };
        calls.Add(32, four);
        calls.Add(64, four);
        var text = exporter.Scrape();
        Assert.Contains("test_calls_total{method=\"a\",status=\"OK\"} 3\n", text, StringComparison.Ordinal);
        Assert.Contains("test_calls_total{method=\"a\",status=\"INTERNAL\"} 4\n", text, StringComparison.Ordinal);
        Assert.Contains("test_calls_total{method=\"b\"} 8\n", text, StringComparison.Ordinal);
        Assert.Contains("test_calls_total{method=\"b\",status=\"\"} 16\n", text, StringComparison.Ordinal);
        Assert.Contains("test_calls_total{a=\"y\",b=\"2\",c=\"x\",d=\"4\"} 96\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Scrape_MeterOutsideTheProject_IsIgnored()
    {
        using var exporter = new PrometheusExporter();
        using var meter = new Meter("Other.Library");
        meter.CreateCounter<long>("other.things").Add(1);
        Assert.DoesNotContain("other_things", exporter.Scrape(), StringComparison.Ordinal);
    }
}
