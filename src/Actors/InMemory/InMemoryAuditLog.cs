using ActorTrading.Actors.Ports;

namespace ActorTrading.Actors.InMemory;

/// <summary>Appends audit records to an <see cref="InMemoryReadModelStore"/>, which lists them.</summary>
public sealed class InMemoryAuditLog(InMemoryReadModelStore readModels) : IAuditLog
{
    public Task AppendAsync(AuditRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        readModels.AddAudit(record);
        return Task.CompletedTask;
    }
}
