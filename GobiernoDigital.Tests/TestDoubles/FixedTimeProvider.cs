namespace GobiernoDigital.Tests.TestDoubles;

/// <summary>A clock stopped at <paramref name="now"/>: audit timestamps a test can predict.</summary>
public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
