using System.Net;
using GobiernoDigital.Tests.Integration;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace GobiernoDigital.Tests.EndToEnd;

/// <summary>
/// The real app (Program.cs, seeded SQLite file of its own) on real Kestrel at 127.0.0.1 and a free port, so that a
/// browser can open it: the in-memory TestServer of <see cref="DashboardAppFactory"/> has no socket.
/// One per test class (<c>IClassFixture</c>); started in <see cref="InitializeAsync"/>.
/// </summary>
public sealed class KestrelDashboardApp : DashboardAppFactory, IAsyncLifetime
{
    private Uri? _rootUri;

    /// <summary>The address Kestrel listens on, e.g. <c>http://127.0.0.1:40123/</c>.</summary>
    public Uri RootUri => _rootUri ?? throw new InvalidOperationException("The app has not been started: InitializeAsync runs first.");

    public ValueTask InitializeAsync()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();

        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"Kestrel reports no http address (addresses: {string.Join(", ", addresses)}).");
        _rootUri = new Uri(address.TrimEnd('/') + "/");
        return ValueTask.CompletedTask;
    }

    /// <summary>An absolute address of the app, from a path such as <c>/categorias/3</c>.</summary>
    public Uri At(string path) => new(RootUri, path.TrimStart('/'));
}
