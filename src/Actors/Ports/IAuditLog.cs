namespace ActorTrading.Actors.Ports;

/// <summary>Who did what: every privileged action and every refusal. Read back through <see cref="IReadModelStore"/>.</summary>
public interface IAuditLog
{
    Task AppendAsync(AuditRecord record, CancellationToken cancellationToken = default);
}
