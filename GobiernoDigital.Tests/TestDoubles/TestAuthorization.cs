using GobiernoDigital.Dashboard.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace GobiernoDigital.Tests.TestDoubles;

/// <summary>The app's real policies (<see cref="Policies.Add"/>) evaluated by ASP.NET Core's authorization service, without a host.</summary>
public static class TestAuthorization
{
    private static readonly ServiceProvider Services = new ServiceCollection()
        .AddLogging()
        .AddAuthorization(Policies.Add)
        .BuildServiceProvider();

    /// <summary>ASP.NET Core's <see cref="IAuthorizationService"/> with the app's policies.</summary>
    public static IAuthorizationService Service { get; } = Services.GetRequiredService<IAuthorizationService>();

    /// <summary>The guard the services use, for <paramref name="user"/>.</summary>
    public static AccessGuard Guard(ICurrentUser user) => new(user, Service);
}
