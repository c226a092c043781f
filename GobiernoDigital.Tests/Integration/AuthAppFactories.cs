using Microsoft.AspNetCore.Hosting;

namespace GobiernoDigital.Tests.Integration;

/// <summary>The app with <c>Acceso:LecturaPublica = false</c>: reading the dashboards requires signing in.</summary>
public sealed class PrivateReadingAppFactory : DashboardAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Acceso:LecturaPublica", "false");
    }
}

/// <summary>The app with <c>Acceso:IntentosFallidosMaximos = 3</c> (the default is 5).</summary>
public sealed class LockoutAppFactory : DashboardAppFactory
{
    public const int MaxFailedAttempts = 3;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Acceso:IntentosFallidosMaximos", MaxFailedAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
