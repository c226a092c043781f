namespace GobiernoDigital.Core.Domain;

/// <summary>
/// Raised when a domain invariant would be broken (a score outside 0–100, a deadline that ends before it starts…).
/// The message is Spanish because it reaches the user as is.
/// </summary>
public sealed class DomainException(string message) : Exception(message);
