using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Text;

namespace ActorTrading.Host.Metrics;

/// <summary>
/// Listens to every <c>ActorTrading*</c> meter (System.Diagnostics.Metrics <see cref="MeterListener"/>) and renders the
/// Prometheus text exposition format 0.0.4: counters as <c>_total</c>, gauges, histograms as cumulative
/// <c>_bucket{le}</c> + <c>_sum</c> + <c>_count</c>. Observable instruments are read at each scrape.
/// </summary>
public sealed class PrometheusExporter : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<Instrument, InstrumentSeries> _series = new();
    private readonly Lock _scrape = new();

    public PrometheusExporter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (!instrument.Meter.Name.StartsWith("ActorTrading", StringComparison.Ordinal)) return;
            _series.TryAdd(instrument, new InstrumentSeries(instrument));
            listener.EnableMeasurementEvents(instrument);
        };
        _listener.MeasurementsCompleted = (instrument, _) => _series.TryRemove(instrument, out InstrumentSeries? _);
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<float>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<decimal>((i, v, tags, _) => Record(i, (double)v, tags));
        _listener.Start();
    }

    /// <summary>The exposition text of every instrument now.</summary>
    public string Scrape()
    {
        lock (_scrape)
        {
            foreach (var s in _series.Values) s.BeginObservation();
            _listener.RecordObservableInstruments();
            var text = new StringBuilder(4096);
            foreach (var s in _series.Values.OrderBy(s => s.Name, StringComparer.Ordinal)) s.Render(text);
            return text.ToString();
        }
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (_series.TryGetValue(instrument, out var series)) series.Record(value, tags);
    }

    public void Dispose() => _listener.Dispose();
}
